package com.collectiondesk.security.expressions;

import java.util.regex.Pattern;

/** The expressions Tasklist's filter dialog offers; a saved filter may use these and nothing else. */
final class TasklistExpressions {

    static final String DESCRIPTION = "${currentUser()}, ${currentUserGroups()}, ${now()} or ${dateTime()…} where … is a"
            + " chain of .plusX(n) / .minusX(n) (X = Years, Months, Weeks, Days, Hours, Minutes, Seconds or Millis,"
            + " n an integer) and .withTimeAtStartOfDay(), optionally ending in .toDate()";

    private static final String DATE_STEP =
            "\\.(?:(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds|Millis)\\(-?\\d{1,9}\\)"
                    + "|withTimeAtStartOfDay\\(\\))";
    private static final Pattern ALLOWED = Pattern.compile(
            "\\$\\{(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)|dateTime\\(\\)(?:" + DATE_STEP
                    + ")*(?:\\.toDate\\(\\))?)}");

    private TasklistExpressions() {
    }

    static boolean isAllowed(String expression) {
        return ALLOWED.matcher(expression).matches();
    }
}
