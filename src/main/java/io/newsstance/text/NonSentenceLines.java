package io.newsstance.text;

import java.util.regex.Pattern;

/**
 * Recognises the lines and fragments of pasted news pages that are not sentences of the story: bylines,
 * photo credits, "(Editing by …)" trailers and web boilerplate. They are left out of the sentence list so
 * that no stance is ever reported for "Share this article".
 */
final class NonSentenceLines {

    private static final String NAME = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
    private static final String NAMES = NAME + "(?:\\s+(?:" + NAME + "|de|van|von|da|der|al|bin|el))*";

    /** "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters", "By Jane Doe | AP". */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?:By|BY|Written by|Story by)\\s+" + NAMES + "(?:\\s*(?:,|and|&|\\|)\\s*" + NAMES + ")*\\s*$");

    /** "(Editing by …)", "(Reporting by …; Writing by …)", "Additional reporting by …". */
    private static final Pattern TRAILER = Pattern.compile(
            "^[(\\[]?\\s*(?:Editing|Reporting|Writing|Additional reporting|Compiled|Translated|Written|"
                    + "Graphic|Graphics|Research|Production|Fact-checking)\\s+by\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Photo credits: "REUTERS/John Smith/File Photo", "(Photo: Jane Doe/AFP)", "AFP via Getty Images". */
    private static final Pattern CREDIT_START = Pattern.compile(
            "^[(\\[]?\\s*(?:AP Photo|AP|AFP|REUTERS|Reuters|EPA|EPA-EFE|Getty Images|Xinhua|Yonhap|KCNA|"
                    + "Photo|Photos|Photograph|Picture|Image|Credit|File photo|Courtesy)\\b.*$");
    private static final Pattern CREDIT_MARK = Pattern.compile("/|\\bvia\\b|\\bPhoto\\b|^\\(?(?:Photo|Picture|Image|Credit)s?\\s*:");

    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:recent posts|related(?: posts| articles| stories| coverage| content| news| topics)?|"
                    + "read more\\b.*|read next\\b.*|more from\\b.*|advertisement|sponsored(?: content)?|"
                    + "share(?: this(?: article| story| page)?| on \\w+| via \\w+)?|tweet|email|print|"
                    + "get breaking news\\b.*|sign up\\b.*|subscribe\\b.*|follow us\\b.*|click here\\b.*|"
                    + "skip to (?:main )?content|leave a (?:comment|reply)|comments?|all rights reserved\\b.*|"
                    + "copyright\\b.*|©.*|our standards:.*|most (?:read|popular|viewed)|trending(?: now)?|"
                    + "top stories|latest news|listen to (?:this )?article\\b.*|watch:.*|video:.*|"
                    + "newsletter\\b.*|download (?:the|our) app\\b.*|(?:\\d+ )?min(?:ute)? read|"
                    + "updated\\s*:?\\s*[\\p{L}\\p{N} ,.:]*|posted\\s*:?\\s*[\\p{L}\\p{N} ,.:]*)"
                    + "\\s*[.:!>»→…]*\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private NonSentenceLines() {
    }

    static boolean isNonSentence(String fragment) {
        String s = fragment.strip();
        if (s.isEmpty()) {
            return true;
        }
        if (s.codePoints().noneMatch(Character::isLetter)) {
            return true; // "* * *", "—", "1/3"
        }
        if (BYLINE.matcher(s).matches() || TRAILER.matcher(s).matches()) {
            return true;
        }
        if (isCredit(s)) {
            return true;
        }
        return wordCount(s) <= 15 && BOILERPLATE.matcher(s).matches();
    }

    /**
     * "REUTERS/Name/File Photo", "Sputnik/Pool via REUTERS", "(Photo: Jane Doe/AFP)", "Photo by Jane Doe": short,
     * no final period, a slash between names or a photo keyword up front, and at most one lower-case word.
     */
    private static boolean isCredit(String s) {
        if (s.length() > 120 || wordCount(s) > 12) {
            return false;
        }
        boolean slashBetweenNames = SLASHED_NAMES.matcher(s).find();
        if (!slashBetweenNames && !(CREDIT_START.matcher(s).matches() && CREDIT_MARK.matcher(s).find())) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == '.' || last == '!' || last == '?' || last == ':') {
            return false;
        }
        long lower = java.util.Arrays.stream(s.split("[\\s/]+"))
                .filter(w -> !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && !w.equals("via") && !w.equals("by"))
                .count();
        return lower <= 1;
    }

    private static final Pattern SLASHED_NAMES = Pattern.compile("\\p{Lu}[\\p{L}.'’-]*\\s*/\\s*\\p{Lu}");

    private static int wordCount(String s) {
        return s.split("\\s+").length;
    }
}
