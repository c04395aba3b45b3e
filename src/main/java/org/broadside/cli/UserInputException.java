package org.broadside.cli;

/** Bad input for a command: printed as one sentence, exit code 2. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) { super(message); }
    public UserInputException(String message, Throwable cause) { super(message, cause); }
}
