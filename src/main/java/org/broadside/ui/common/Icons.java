package org.broadside.ui.common;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.broadside.delivery.RecipientState;

/** The app's icons in one place, so every panel uses the same symbol for the same thing. */
public final class Icons {
    private Icons() {}

    public static FontIcon send() { return new FontIcon(MaterialDesignS.SEND); }
    public static FontIcon pause() { return new FontIcon(MaterialDesignP.PAUSE); }
    public static FontIcon resume() { return new FontIcon(MaterialDesignP.PLAY); }
    public static FontIcon stop() { return new FontIcon(MaterialDesignS.STOP); }
    public static FontIcon open() { return new FontIcon(MaterialDesignF.FOLDER_OPEN); }
    public static FontIcon save() { return new FontIcon(MaterialDesignC.CONTENT_SAVE); }
    public static FontIcon newFile() { return new FontIcon(MaterialDesignF.FILE_PLUS); }
    public static FontIcon message() { return new FontIcon(MaterialDesignE.EMAIL_EDIT); }
    public static FontIcon recipients() { return new FontIcon(MaterialDesignA.ACCOUNT_GROUP); }
    public static FontIcon settings() { return new FontIcon(MaterialDesignC.COG); }
    public static FontIcon preview() { return new FontIcon(MaterialDesignE.EYE); }
    public static FontIcon delivery() { return new FontIcon(MaterialDesignT.TRUCK_DELIVERY); }
    public static FontIcon log() { return new FontIcon(MaterialDesignT.TEXT_BOX_SEARCH); }
    public static FontIcon inbox() { return new FontIcon(MaterialDesignI.INBOX); }
    public static FontIcon attach() { return new FontIcon(MaterialDesignP.PAPERCLIP); }
    public static FontIcon error() { return new FontIcon(MaterialDesignA.ALERT_CIRCLE); }
    public static FontIcon warning() { return new FontIcon(MaterialDesignA.ALERT); }

    /** A coloured symbol per recipient state, the same in every table. */
    public static FontIcon state(RecipientState s) {
        FontIcon icon = switch (s) {
            case PENDING -> new FontIcon(MaterialDesignC.CLOCK_OUTLINE);
            case SENDING -> new FontIcon(MaterialDesignS.SEND_CLOCK);
            case SENT -> new FontIcon(MaterialDesignC.CHECK_CIRCLE);
            case DEFERRED -> new FontIcon(MaterialDesignC.CLOCK_ALERT);
            case FAILED -> new FontIcon(MaterialDesignC.CLOSE_CIRCLE);
            case UNKNOWN -> new FontIcon(MaterialDesignH_HELP);
            case SKIPPED -> new FontIcon(MaterialDesignS.SKIP_NEXT_CIRCLE);
        };
        icon.getStyleClass().add("state-" + s.name().toLowerCase());
        return icon;
    }

    private static final org.kordamp.ikonli.Ikon MaterialDesignH_HELP = org.kordamp.ikonli.materialdesign2.MaterialDesignH.HELP_CIRCLE;
}
