package dev.triage.bot.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small command-line parser: {@code --flag}, {@code --option VALUE} (repeatable), positionals, {@code --}. */
final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code args}; {@code valued} are the options that take a value, {@code switches} those that do not.
     *
     * @throws UsageException for an unknown option or a missing value
     */
    static Args parse(List<String> args, Set<String> valued, Set<String> switches) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg.substring(2);
                if (switches.contains(name) && !arg.contains("=")) {
                    parsed.flags.add(name);
                } else if (valued.contains(name)) {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option " + arg);
                }
            } else {
                parsed.positionals.add(arg);
            }
        }
        return parsed;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> option(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> options(String name) {
        return options.getOrDefault(name, List.of());
    }

    List<String> positionals() {
        return positionals;
    }
}
