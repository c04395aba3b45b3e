package org.broadside.delivery.smtp;

/** The step of the SMTP conversation where something happened; used in exceptions and results. */
public enum Stage { CONNECT, GREETING, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, BODY, END_OF_DATA, RSET, QUIT }
