package org.broadside.delivery.smtp;

/** Who produced a line of the connection log: the client, the server, or the client's own remark. */
public enum Direction { CLIENT, SERVER, INFO }
