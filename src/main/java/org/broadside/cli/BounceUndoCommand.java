package org.broadside.cli;

import org.broadside.bounces.BounceRepository;
import org.broadside.bounces.UndoResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** "broadside bounces undo EVENT_ID": takes back what one bounce event did (its blacklist entry and contact flag). */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Undoes a bounce event: removes the blacklist entry and the contact flag it added. Event ids are shown by scan and list.")
public final class BounceUndoCommand extends CommandSupport implements Runnable {
    @Parameters(index = "0", paramLabel = "EVENT_ID")
    long eventId;

    @Override
    public void run() {
        UndoResult result = new BounceRepository(database()).undo(eventId);
        switch (result) {
            case NOT_FOUND -> throw new UserInputException("There is no bounce event " + eventId + ".");
            case ALREADY_UNDONE -> out().println("event " + eventId + " was already undone");
            case UNDONE -> out().println("undone event " + eventId);
        }
    }
}
