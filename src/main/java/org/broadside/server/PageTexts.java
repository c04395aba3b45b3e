package org.broadside.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The landing page's sentences in English, French, German and Spanish. {0} is the sender's name, {1} the masked
 * address. Chosen by the token's language, else the browser's Accept-Language, else English.
 */
record PageTexts(String lang, String title, String question, String button, String done, String doneDetail, String undo,
                 String undone, String undoneDetail, String again, String notFound, String notFoundDetail, String theseEmails) {

    private static final Map<String, PageTexts> ALL = Map.of(
            "en", new PageTexts("en", "Unsubscribe", "Stop receiving {0} at {1}?", "Unsubscribe",
                    "You are unsubscribed", "You will no longer receive {0} at {1}.", "Undo: keep me subscribed",
                    "You are still subscribed", "You will keep receiving {0} at {1}.", "Unsubscribe after all",
                    "This link is not valid", "It may be incomplete. Please use the link from the email itself.", "these emails"),
            "fr", new PageTexts("fr", "Désabonnement", "Ne plus recevoir {0} à l’adresse {1} ?", "Me désabonner",
                    "Vous êtes désabonné", "Vous ne recevrez plus {0} à l’adresse {1}.", "Annuler : rester abonné",
                    "Vous êtes toujours abonné", "Vous continuerez à recevoir {0} à l’adresse {1}.", "Me désabonner quand même",
                    "Ce lien n’est pas valide", "Il est peut-être incomplet. Utilisez le lien du message lui-même.", "ces e-mails"),
            "de", new PageTexts("de", "Abmelden", "{0} nicht mehr an {1} erhalten?", "Abmelden",
                    "Sie sind abgemeldet", "Sie erhalten {0} nicht mehr an {1}.", "Rückgängig: angemeldet bleiben",
                    "Sie bleiben angemeldet", "Sie erhalten {0} weiterhin an {1}.", "Doch abmelden",
                    "Dieser Link ist ungültig", "Er ist vielleicht unvollständig. Bitte nutzen Sie den Link aus der E-Mail.", "diese E-Mails"),
            "es", new PageTexts("es", "Cancelar suscripción", "¿Dejar de recibir {0} en {1}?", "Cancelar suscripción",
                    "Has cancelado la suscripción", "Ya no recibirás {0} en {1}.", "Deshacer: seguir suscrito",
                    "Sigues suscrito", "Seguirás recibiendo {0} en {1}.", "Cancelar la suscripción de todos modos",
                    "Este enlace no es válido", "Puede que esté incompleto. Usa el enlace del propio correo.", "estos correos"));

    static final List<String> LANGUAGES = List.of("en", "fr", "de", "es");

    /** The texts for the token's language if it has one we know, else the browser's first known language, else English. */
    static PageTexts choose(String tokenLanguage, String acceptLanguage) {
        if (tokenLanguage != null && ALL.containsKey(tokenLanguage.toLowerCase(Locale.ROOT))) return ALL.get(tokenLanguage.toLowerCase(Locale.ROOT));
        if (acceptLanguage != null && acceptLanguage.length() < 500) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = r.getRange();
                    String primary = tag.length() >= 2 ? tag.substring(0, 2).toLowerCase(Locale.ROOT) : tag;
                    if (ALL.containsKey(primary)) return ALL.get(primary);
                }
            } catch (IllegalArgumentException e) {
                // An unreadable header is the browser's problem: English.
            }
        }
        return ALL.get("en");
    }

    static String fill(String text, String name, String address) {
        return text.replace("{0}", name).replace("{1}", address);
    }
}
