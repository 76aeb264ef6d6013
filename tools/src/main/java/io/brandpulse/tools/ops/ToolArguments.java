package io.brandpulse.tools.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments of the small command-line tools. */
public final class ToolArguments {
    final Map<String, String> options = new HashMap<>();
    final List<String> positional = new ArrayList<>();
    public boolean help;

    public static ToolArguments parse(
            String[] args, Set<String> optionsWithValue, Set<String> flags) {
        ToolArguments a = new ToolArguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                a.help = true;
            } else if (optionsWithValue.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                a.options.put(arg, args[++i]);
            } else if (flags.contains(arg)) {
                a.options.put(arg, "true");
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    public String get(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }

    public boolean has(String flag) {
        return options.containsKey(flag);
    }
}
