package org.broadside.log;

/** Whether a reply means done, try again later, or never retry. */
public enum Persistence { SUCCESS, TEMPORARY, PERMANENT }
