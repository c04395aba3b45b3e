package org.broadside.delivery;

/** Who wrote a connection log line: the client (us), the server, or Broadside commenting on the connection. */
public enum LineDirection { CLIENT, SERVER, INFO }
