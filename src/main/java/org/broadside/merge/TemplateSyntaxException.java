package org.broadside.merge;

/** A template that cannot be compiled, with the 1-based line and column of the offending tag. */
public final class TemplateSyntaxException extends Exception {
    private final int line;
    private final int column;
    private final String problem;

    public TemplateSyntaxException(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
