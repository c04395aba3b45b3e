package org.broadside.merge;

/** ERROR blocks sending; WARNING is shown but sending may go on. */
public enum Severity { ERROR, WARNING }
