package io.newsstance.actors;

import io.newsstance.api.Span;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a dictionary hit that could mean something else really refers to the actor. The rules,
 * as documented in README.md ("How mentions are found"):
 * <ul>
 *   <li><b>Part of a person's or other proper name.</b> "Jordan", "Chad" and "Washington" are rejected when a
 *   capitalised word that is not a title or a sentence-opening function word stands right before them
 *   ("Michael Jordan", "George Washington") and, for Jordan and Chad, also when a capitalised word follows
 *   ("Jordan Peterson", "Chad Smith"). "Washington" is also rejected before "state" and before a capitalised
 *   word other than a weekday or month ("Washington Post", "Washington Nationals"), and after
 *   "University of" or "state of".</li>
 *   <li><b>Georgia</b> is the US state when the sentence says so ("Atlanta, Georgia", "Georgia's governor",
 *   "Georgia voters", "state of Georgia", a county, a Senate race…) unless the article also holds a cue for the
 *   country (Tbilisi, Georgian, Abkhazia, South Ossetia, Caucasus, Russia, NATO, the EU…). Without any cue it
 *   is the country: newsstance reads international news.</li>
 *   <li><b>Turkey</b> (the alias is case-sensitive, so "turkey" never matches) is rejected next to food and
 *   holiday words ("Thanksgiving Turkey", "Turkey Trot", "roast Turkey").</li>
 *   <li><b>Compound names</b> that are not the actor: "New Mexico", "Gulf of Mexico", "Latin America",
 *   "Bank of America", "Paris Agreement", "East Jerusalem", "Jerusalem Post", "British Columbia",
 *   "French Open", "Indian Ocean", "American Airlines", "Chinese New Year" and the like (tables below).</li>
 * </ul>
 * "Korea" alone, "the North"/"the South" and surnames are handled by {@link MentionFinder}, since they depend
 * on which actors the article has introduced.
 */
final class AmbiguityRules {

    /** Capitalised words that may stand before a name without being part of it. */
    static final Set<String> TITLES_AND_OPENERS = Set.copyOf(java.util.Arrays.asList(
            "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Premier", "Chairman", "Leader", "Minister", "Secretary",
            "Chancellor", "King", "Queen", "Prince", "Emir", "Sheikh", "Ayatollah", "Gen.", "General", "Marshal",
            "Sen.", "Senator", "Rep.", "Gov.", "Governor", "Ambassador", "Envoy", "Comrade", "Supreme", "Vice",
            "Deputy", "Foreign", "Defence", "Defense", "State", "Chief", "Commander", "Pope", "Former", "Prime",
            "Secretary-General", "Director-General", "Lt.", "Col.", "Adm.", "Marshal", "Sultan", "Shah",
            "The", "A", "An", "In", "On", "At", "For", "By", "From", "With", "And", "But", "Or", "As", "After",
            "Before", "When", "While", "If", "Both", "Neither", "Unlike", "Like", "Meanwhile", "Neighbouring",
            "Neighboring", "Only", "Even", "Also", "Then", "So", "Yet", "Still", "Why", "How", "What", "Where",
            "Whether", "Under", "Over", "Against", "Between", "Since", "Until", "Without", "Within", "During",
            "Amid", "Despite", "Although", "Though", "Because", "Including", "Unlike", "Via", "To", "Of",
            "Ally", "Allies", "Neighbour", "Neighbor", "Oil-rich", "Landlocked", "Tiny", "Both", "Today", "Now",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Did", "Does", "Do",
            "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should", "Has", "Have", "Had"));

    private static final Set<String> WEEKDAYS_AND_MONTHS = Set.of("Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec.");

    /** Alias → words that, standing right before it, make it something else. */
    private static final Map<String, Set<String>> BLOCKED_BEFORE = Map.ofEntries(
            Map.entry("Mexico", Set.of("New", "Gulf of")),
            Map.entry("America", Set.of("Latin", "South", "North", "Central", "Bank of", "Voice of", "Captain",
                    "Miss", "Morning", "Corporate", "Middle", "Rural")),
            Map.entry("American", Set.of("Latin", "South", "North", "Central", "Native", "African", "Asian",
                    "Mexican", "Korean", "Chinese", "Japanese", "Arab", "Irish", "Italian", "Cuban", "Indian")),
            Map.entry("Americans", Set.of("Latin", "South", "North", "Central", "Native", "African", "Asian",
                    "Mexican", "Korean", "Chinese", "Japanese", "Arab", "Irish", "Italian", "Cuban", "Indian")),
            Map.entry("Jerusalem", Set.of("East", "West", "Old City of")),
            Map.entry("Georgia", Set.of("state of", "State of", "Atlanta,", "Savannah,", "Augusta,")),
            Map.entry("Washington", Set.of("University of", "state of", "State of", "Booker T.")),
            Map.entry("Indian", Set.of("American", "West", "East")),
            Map.entry("Moscow", Set.of("Idaho,")),
            Map.entry("China", Set.of("South", "East", "Indo-")),
            Map.entry("Paris", Set.of("Texas,")));

    /** Alias → words that, standing right after it, make it something else. */
    private static final Map<String, Set<String>> BLOCKED_AFTER = Map.ofEntries(
            Map.entry("Paris", Set.of("Agreement", "agreement", "climate", "Climate", "accord", "accords", "Accord",
                    "Saint-Germain", "Hilton", "Olympics", "Games", "Club")),
            Map.entry("Washington", Set.of("state", "State")),
            Map.entry("American", Set.of("Airlines", "Express", "Civil", "Medical", "Bar", "Red", "Enterprise",
                    "Institute", "University", "Idol", "Football", "Academy", "Bankers", "Heart", "Cancer",
                    "Samoa", "Legion", "Indian", "Indians")),
            Map.entry("British", Set.of("Airways", "Museum", "Columbia", "Petroleum", "Open", "Library",
                    "Council", "Virgin", "Grand", "Academy")),
            Map.entry("French", Set.of("Open", "Riviera", "Polynesia", "Guiana", "Quarter", "fries", "toast",
                    "Alps", "Grand")),
            Map.entry("German", Set.of("shepherd", "Shepherd", "Grand")),
            Map.entry("Turkish", Set.of("Airlines", "delight", "Delight", "coffee", "Cypriot", "Cypriots")),
            Map.entry("Indian", Set.of("Ocean", "Premier", "Wells", "Institute", "Institutes", "Railways")),
            Map.entry("Chinese", Set.of("New", "Grand")),
            Map.entry("Jerusalem", Set.of("Post", "artichoke")),
            Map.entry("Mexico", Set.of("Grand")),
            Map.entry("Japan", Set.of("Times", "Airlines")),
            Map.entry("Japanese", Set.of("Grand", "encephalitis", "knotweed", "maple", "beetle")),
            Map.entry("Canada", Set.of("goose", "geese", "Goose", "Day")),
            Map.entry("Brazil", Set.of("nut", "nuts")),
            Map.entry("China", Set.of("Open", "Daily", "Sea", "sea")),
            Map.entry("Russian", Set.of("roulette", "doll", "dolls", "dressing", "Grand")));

    private static final Set<String> PERSON_NAME_ALIASES = Set.of("Jordan", "Chad", "Washington");
    private static final Set<String> NAME_THEN_SURNAME = Set.of("Jordan", "Chad");

    private static final Pattern TURKEY_FOOD = Pattern.compile(
            "\\b(?:Thanksgiving|[Rr]oast(?:ed)?|[Ww]ild|[Ss]tuff(?:ed|ing)|[Dd]inner|[Ss]andwich(?:es)?|[Bb]acon|"
                    + "[Ff]arm(?:s|ers)?|[Bb]reast|[Gg]ravy|[Hh]unt(?:ing|ers)?|Trot|Day|[Ff]eathers?|[Cc]arv(?:e|ed|ing)|"
                    + "[Gg]obble|[Pp]ardon(?:ed|s)?|[Ll]eg|[Dd]rumstick|[Bb]urger|[Ff]ryer|[Dd]eli|Christmas)\\b");
    private static final Pattern GEORGIA_STATE_CUE = Pattern.compile(
            "\\b(?:Atlanta|Savannah|Augusta|Macon|[Cc]ounty|[Gg]overnor|Gov\\.|[Ss]tate(?:'s|’s)?\\b|[Vv]oters?|"
                    + "Senate race|[Rr]unoff|Republicans?|Democrats?|Democratic|Kemp|Warnock|Ossoff|Raffensperger|"
                    + "Peach State|Bulldogs|Tech|legislature|[Ss]heriff|primary|Fulton|Cobb|Gwinnett|electoral votes)\\b");
    private static final Pattern GEORGIA_COUNTRY_CUE = Pattern.compile(
            "\\b(?:Tbilisi|Georgian|Georgians|Abkhazia|Abkhaz|South Ossetia|Ossetian|Caucasus|Russia|Russian|"
                    + "Moscow|Kremlin|NATO|EU|European Union|Brussels|Saakashvili|Ivanishvili|Kobakhidze|"
                    + "Zourabichvili|Georgian Dream|Black Sea|Armenia|Azerbaijan|Ukraine|Batumi)\\b");

    private AmbiguityRules() {
    }

    static boolean accept(Alias alias, CharSequence text, int start, int end, Span sentence, CharSequence article) {
        String surface = alias.text();
        String before = wordBefore(text, start, sentence.start());
        String after = wordAfter(text, end, sentence.end());
        Set<String> blockedBefore = BLOCKED_BEFORE.get(surface);
        if (blockedBefore != null) {
            String two = twoWordsBefore(text, start, sentence.start());
            if (blockedBefore.contains(before) || blockedBefore.contains(two)) {
                return false;
            }
        }
        Set<String> blockedAfter = BLOCKED_AFTER.get(surface);
        if (blockedAfter != null && blockedAfter.contains(after)) {
            return false;
        }
        if (PERSON_NAME_ALIASES.contains(surface)) {
            if (isCapitalisedNameWord(before) && !TITLES_AND_OPENERS.contains(before)) {
                return false;
            }
            boolean followedByName = !after.isEmpty() && Character.isUpperCase(after.charAt(0))
                    && !WEEKDAYS_AND_MONTHS.contains(after) && followsDirectly(text, end, sentence.end());
            if (followedByName && (NAME_THEN_SURNAME.contains(surface) || surface.equals("Washington"))) {
                return false;
            }
        }
        if (surface.equals("Turkey")) {
            CharSequence window = window(text, start, end, sentence, 40);
            if (TURKEY_FOOD.matcher(window).find()) {
                return false;
            }
        }
        if (surface.equals("Georgia")) {
            return !georgiaIsTheUsState(text, start, end, sentence, article);
        }
        return true;
    }

    private static boolean georgiaIsTheUsState(CharSequence text, int start, int end, Span sentence, CharSequence article) {
        CharSequence sentenceText = text.subSequence(sentence.start(), sentence.end());
        if (!GEORGIA_STATE_CUE.matcher(sentenceText).find()) {
            return false;
        }
        return !GEORGIA_COUNTRY_CUE.matcher(article).find();
    }

    /** Whether a single space (not a comma or line break) separates {@code end} from the next word. */
    private static boolean followsDirectly(CharSequence text, int end, int limit) {
        return end + 1 < limit && text.charAt(end) == ' ' && Character.isLetter(text.charAt(end + 1));
    }

    /** A capitalised word that can be part of the same name: "Michael" in "Michael Jordan", not "Egypt,". */
    static boolean isCapitalisedNameWord(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                && Character.isLetter(word.charAt(word.length() - 1))
                && word.chars().skip(1).anyMatch(Character::isLowerCase);
    }

    private static CharSequence window(CharSequence text, int start, int end, Span sentence, int radius) {
        return text.subSequence(Math.max(sentence.start(), start - radius), Math.min(sentence.end(), end + radius));
    }

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:!?\"”’')]+$");

    /** The whitespace-separated word right before {@code start} within the sentence ("" if none). */
    static String wordBefore(CharSequence text, int start, int sentenceStart) {
        int i = start;
        while (i > sentenceStart && text.charAt(i - 1) == ' ') {
            i--;
        }
        if (i == start) {
            return ""; // no space: start of sentence, or glued to punctuation such as "("
        }
        int j = i;
        while (j > sentenceStart && !Character.isWhitespace(text.charAt(j - 1))) {
            j--;
        }
        return text.subSequence(j, i).toString();
    }

    private static String twoWordsBefore(CharSequence text, int start, int sentenceStart) {
        String one = wordBefore(text, start, sentenceStart);
        if (one.isEmpty()) {
            return "";
        }
        int oneStart = start;
        while (oneStart > sentenceStart && text.charAt(oneStart - 1) == ' ') {
            oneStart--;
        }
        oneStart -= one.length();
        String two = wordBefore(text, oneStart, sentenceStart);
        return two.isEmpty() ? one : two + " " + one;
    }

    /** The word right after {@code end} (after one space), stripped of trailing punctuation. */
    static String wordAfter(CharSequence text, int end, int sentenceEnd) {
        int i = end;
        if (i < sentenceEnd && text.charAt(i) == ' ') {
            i++;
        } else {
            return "";
        }
        int j = i;
        while (j < sentenceEnd && !Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        String w = TRAILING_PUNCTUATION.matcher(text.subSequence(i, j)).replaceAll("");
        return w.endsWith(".") && !WEEKDAYS_AND_MONTHS.contains(w) ? w.substring(0, w.length() - 1) : w;
    }
}
