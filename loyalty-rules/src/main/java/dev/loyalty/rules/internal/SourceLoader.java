package dev.loyalty.rules.internal;

import dev.loyalty.core.RuleProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads DRL from the class path and from directories; every failure becomes a {@link RuleProblem}
 * naming the path, so all are reported together. Not public API.
 */
public final class SourceLoader {

    /** The class-path folder of the default campaign pack. */
    public static final String DEFAULT_PACK = "dev/loyalty/rules/campaigns/default/";

    /** The files of the default campaign pack, in load order. */
    public static final List<String> DEFAULT_FILES = List.of("base.drl", "bonuses.drl", "promotions.drl", "tiers.drl",
            "welcome.drl", "caps.drl", "offers.drl", "referrals.drl");

    private static final String NOT_UTF8 = "is not UTF-8 text; save rule files as UTF-8";

    private SourceLoader() {
    }

    /**
     * Reads the default campaign pack.
     *
     * @param classLoader where to look
     * @param problems receives what could not be read
     * @return the sources read
     */
    public static List<DrlSource> defaultPack(ClassLoader classLoader, List<RuleProblem> problems) {
        List<DrlSource> sources = new ArrayList<>();
        for (String file : DEFAULT_FILES) {
            sources.addAll(classpath(DEFAULT_PACK + file, classLoader, problems));
        }
        return sources;
    }

    /**
     * Reads one class-path resource.
     *
     * @param path the resource path, such as {@code campaigns/spring.drl}; a leading slash is ignored
     * @param classLoader where to look
     * @param problems receives what could not be read
     * @return the source, or nothing when it could not be read
     */
    public static List<DrlSource> classpath(String path, ClassLoader classLoader, List<RuleProblem> problems) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            if (in == null) {
                problems.add(new RuleProblem(path, 0, 0, "", "no such class-path resource"));
                return List.of();
            }
            return List.of(new DrlSource(path, decode(in.readAllBytes())));
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(path, 0, 0, "", NOT_UTF8));
            return List.of();
        } catch (IOException e) {
            problems.add(new RuleProblem(path, 0, 0, "", "cannot read the class-path resource: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * Reads every {@code .drl} file under a directory, sub-directories included, in path order.
     * Each is named by the directory as given joined with its relative path, and keyed (for the
     * version) by its relative path alone.
     *
     * @param directory the directory
     * @param problems receives what could not be read
     * @return the sources read
     */
    public static List<DrlSource> directory(Path directory, List<RuleProblem> problems) {
        if (!Files.isDirectory(directory)) {
            problems.add(new RuleProblem(directory.toString(), 0, 0, "",
                    Files.exists(directory) ? "is not a directory" : "no such directory"));
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new RuleProblem(directory.toString(), 0, 0, "", "cannot read the directory: " + e.getMessage()));
            return List.of();
        }
        if (files.isEmpty()) {
            problems.add(new RuleProblem(directory.toString(), 0, 0, "", "holds no .drl files"));
            return List.of();
        }
        List<DrlSource> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                String key = directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                sources.add(new DrlSource(file.toString(), key, decode(Files.readAllBytes(file))));
            } catch (CharacterCodingException e) {
                problems.add(new RuleProblem(file.toString(), 0, 0, "", NOT_UTF8));
            } catch (IOException e) {
                problems.add(new RuleProblem(file.toString(), 0, 0, "", "cannot read the file: " + e));
            }
        }
        return sources;
    }

    /**
     * Reads one DRL file, named by its path as given and keyed (for the version) by its file name.
     *
     * @param file the file
     * @param problems receives what could not be read
     * @return the source, or nothing when it could not be read
     */
    public static List<DrlSource> file(Path file, List<RuleProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new RuleProblem(file.toString(), 0, 0, "", Files.exists(file) ? "is not a file" : "no such file"));
            return List.of();
        }
        try {
            return List.of(new DrlSource(file.toString(), file.getFileName().toString(), decode(Files.readAllBytes(file))));
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(file.toString(), 0, 0, "", NOT_UTF8));
        } catch (IOException e) {
            problems.add(new RuleProblem(file.toString(), 0, 0, "", "cannot read the file: " + e));
        }
        return List.of();
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }
}
