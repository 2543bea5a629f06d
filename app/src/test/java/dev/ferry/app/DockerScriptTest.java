package dev.ferry.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker.sh, checked through {@code --dry-run}: the docker commands each command would run,
 * so no Docker engine is needed. The files those commands read (compose.yml, Dockerfile,
 * env.template, .dockerignore) are checked to agree with the script and with the build.
 */
class DockerScriptTest {
    private static final String PASSWORD = "redis-password-0123456789";
    private static final String KEY = "api-key-0123456789abcdef";
    private static final int GPU_SLOTS = 8;

    @TempDir
    static Path tmp;

    private static Path root;
    private static Path envFile;
    private static String compose;

    @BeforeAll
    static void writeEnvFile() throws IOException {
        root = repositoryRoot();
        envFile = tmp.resolve("ferry.env");
        Files.writeString(envFile, read("docker/env.template")
                .replaceFirst("(?m)^REDIS_PASSWORD=$", "REDIS_PASSWORD=" + PASSWORD)
                .replaceFirst("(?m)^FERRY_API_KEYS=$", "FERRY_API_KEYS=" + KEY + ",second-key-0123456789"));
        Files.setPosixFilePermissions(envFile, PosixFilePermissions.fromString("rw-------"));
        compose = "docker compose --env-file " + envFile + " --file docker/compose.yml --profile workers ";
    }

    @Test
    void rebuildBuildsTheGpuImageThenStartsRedisTheApiAndOneWorker() throws Exception {
        List<String> commands = dryRun(Map.of(), "rebuild").succeeded();

        assertEquals(4, commands.size(), commands::toString);
        String build = commands.get(0);
        assertTrue(build.matches("docker build --file docker/Dockerfile --build-arg VARIANT=gpu"
                + " --build-arg GIT_COMMIT=\\S+ --tag ferry:latest \\."), build);
        assertEquals(compose + "up --detach redis api worker-gpu0", commands.get(1));
        assertEquals(compose + "rm --stop --force " + gpuWorkers(1, GPU_SLOTS) + " worker-cpu", commands.get(2));
        assertEquals("docker image prune --force --filter label=org.opencontainers.image.title=ferry", commands.get(3));
    }

    @Test
    void theCpuVariantBuildsTheCpuImageAndScalesReplicasOfTheCpuWorker() throws Exception {
        List<String> commands = dryRun(
                Map.of("DEPLOY_VARIANT", "cpu", "DEPLOY_WORKERS", "3", "DEPLOY_IMAGE", "ferry:cpu-test"), "rebuild")
                .succeeded();

        assertTrue(commands.get(0).contains(" --build-arg VARIANT=cpu "), commands.get(0));
        assertTrue(commands.get(0).contains(" --tag ferry:cpu-test "), commands.get(0));
        assertEquals(compose + "up --detach --scale worker-cpu=3 redis api worker-cpu", commands.get(1));
        assertEquals(compose + "rm --stop --force " + gpuWorkers(0, GPU_SLOTS), commands.get(2));
    }

    @Test
    void pullUpdatesTheCheckoutThenRebuildsOnFreshBaseImages() throws Exception {
        List<String> commands = dryRun(Map.of(), "pull").succeeded();

        assertEquals("git pull --ff-only", commands.get(0));
        assertTrue(commands.get(1).startsWith("docker build --pull --file docker/Dockerfile "), commands.get(1));
        assertEquals(compose + "up --detach redis api worker-gpu0", commands.get(2));
    }

    @Test
    void startStopAndRestartWorkOnThisHostsServices() throws Exception {
        List<String> start = dryRun(Map.of("DEPLOY_WORKERS", "2"), "start").succeeded();
        assertEquals(List.of(compose + "up --detach redis api worker-gpu0 worker-gpu1",
                compose + "rm --stop --force " + gpuWorkers(2, GPU_SLOTS) + " worker-cpu"), start);

        assertEquals(List.of(compose + "stop"), dryRun(Map.of(), "stop").succeeded());

        List<String> restart = dryRun(Map.of("DEPLOY_WORKERS", "2"), "restart").succeeded();
        assertEquals(compose + "stop", restart.get(0));
        assertEquals(start, restart.subList(1, restart.size()));
    }

    @Test
    void rolesDecideWhichServicesAHostRuns() throws Exception {
        List<String> front = dryRun(Map.of("DEPLOY_ROLE", "front"), "start").succeeded();
        assertEquals(compose + "up --detach redis api", front.get(0));
        assertEquals(compose + "rm --stop --force " + gpuWorkers(0, GPU_SLOTS) + " worker-cpu", front.get(1));

        // A worker-only host joins the Redis of REDIS_URL: no local redis or api, no dependencies.
        List<String> worker = dryRun(Map.of("DEPLOY_ROLE", "worker", "DEPLOY_WORKERS", "2"), "start").succeeded();
        assertEquals(compose + "up --detach --no-deps worker-gpu0 worker-gpu1", worker.get(0));

        // With Sentinel, Cluster or a managed Redis the redis service stays off.
        List<String> external = dryRun(Map.of("DEPLOY_REDIS", "external"), "start").succeeded();
        assertEquals(compose + "up --detach --no-deps api worker-gpu0", external.get(0));
    }

    @Test
    void scaleRunsOneWorkerPerGpuAndRemovesTheOthers() throws Exception {
        Result three = dryRun(Map.of(), "scale", "3");
        assertEquals(List.of(compose + "up --detach worker-gpu0 worker-gpu1 worker-gpu2",
                compose + "rm --stop --force " + gpuWorkers(3, GPU_SLOTS) + " worker-cpu"), three.succeeded());
        assertTrue(three.err().contains("DEPLOY_WORKERS=3"), three.err());

        List<String> chosen = dryRun(Map.of("DEPLOY_GPUS", "1,3"), "scale", "2").succeeded();
        assertEquals(compose + "up --detach worker-gpu1 worker-gpu3", chosen.get(0));
        assertTrue(chosen.get(1).contains(" worker-gpu0 worker-gpu2 worker-gpu4 "), chosen.get(1));

        assertEquals(List.of(compose + "rm --stop --force " + gpuWorkers(0, GPU_SLOTS) + " worker-cpu"),
                dryRun(Map.of(), "scale", "0").succeeded());

        Result tooMany = dryRun(Map.of(), "scale", "9");
        assertNotEquals(0, tooMany.exit());
        assertTrue(tooMany.commands().isEmpty(), tooMany.out());
        assertTrue(tooMany.err().contains("one per GPU"), tooMany.err());

        Result notANumber = dryRun(Map.of(), "scale", "many");
        assertNotEquals(0, notANumber.exit());
        assertTrue(notANumber.err().contains("Usage:"), notANumber.err());
    }

    @Test
    void modelsPullRunsOneOffContainerOfTheImageOnTheDataVolume() throws Exception {
        assertEquals(List.of(compose + "run --rm --no-deps cli models pull yolo yolov8n"),
                dryRun(Map.of(), "models", "pull", "yolo", "yolov8n").succeeded());

        String cli = service("cli");
        assertTrue(cli.contains("<<: *ferry"), cli);
        assertTrue(cli.contains("restart: \"no\""), cli);
        assertTrue(anchor("x-ferry").contains("- ${DEPLOY_DATA:-ferry-data}:/data"));
    }

    @Test
    void logsFollowAllServicesOneServiceOrEveryWorker() throws Exception {
        assertEquals(List.of(compose + "logs --follow --tail 200"), dryRun(Map.of(), "logs").succeeded());
        assertEquals(List.of(compose + "logs --follow --tail 200 api"), dryRun(Map.of(), "logs", "api").succeeded());
        assertEquals(List.of(compose + "logs --follow --tail 200 " + gpuWorkers(0, GPU_SLOTS) + " worker-cpu"),
                dryRun(Map.of(), "logs", "worker").succeeded());

        Result unknown = dryRun(Map.of(), "logs", "postgres");
        assertNotEquals(0, unknown.exit());
        assertTrue(unknown.err().contains("unknown service 'postgres'"), unknown.err());
    }

    @Test
    void statusShowsContainersHealthAndMonitorWithoutPrintingTheKey() throws Exception {
        String auth = "curl -fsS --max-time 5 -H 'Authorization: Bearer ***' ";
        assertEquals(List.of(compose + "ps --all", auth + "http://127.0.0.1:8000/health", auth + "http://127.0.0.1:8000/monitor"),
                dryRun(Map.of(), "status").succeeded());
        assertEquals(auth + "http://127.0.0.1:9000/health",
                dryRun(Map.of("DEPLOY_API_PORT", "9000"), "status").succeeded().get(1));
    }

    @Test
    void noCommandPrintsASecret() throws Exception {
        for (String[] args : List.of(new String[] {"rebuild"}, new String[] {"pull"}, new String[] {"status"},
                new String[] {"scale", "2"}, new String[] {"models", "pull", "noop"}, new String[] {"restart"})) {
            Result result = dryRun(Map.of(), args);
            assertEquals(0, result.exit(), result.err());
            for (String secret : List.of(PASSWORD, KEY)) {
                assertFalse(result.out().contains(secret) || result.err().contains(secret), String.join(" ", args));
            }
        }
    }

    @Test
    void unknownCommandsAndMissingCommandsFailWithTheUsage() throws Exception {
        Result unknown = dryRun(Map.of(), "frobnicate");
        assertNotEquals(0, unknown.exit());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());
        assertTrue(unknown.err().contains("Usage: ./docker.sh"), unknown.err());
        assertTrue(unknown.commands().isEmpty());

        Result none = dryRun(Map.of());
        assertNotEquals(0, none.exit());
        assertTrue(none.err().contains("Usage: ./docker.sh"), none.err());

        Result help = dryRun(Map.of(), "help");
        assertEquals(0, help.exit());
        for (String command : List.of("rebuild", "pull", "start", "stop", "restart", "logs", "status", "scale", "models pull")) {
            assertTrue(help.out().contains("\n  " + command), command);
        }
    }

    @Test
    void aMissingEnvFileSaysToCopyTheTemplate() throws Exception {
        Result result = dryRun(Map.of("FERRY_DOCKER_ENV", tmp.resolve("absent.env").toString()), "start");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("cp docker/env.template docker/.env"), result.err());
        assertTrue(result.commands().isEmpty());
    }

    @Test
    void nothingStartsWithoutTheSecrets() throws Exception {
        Result result = dryRun(Map.of("FERRY_DOCKER_ENV", root.resolve("docker/env.template").toString()), "start");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("REDIS_PASSWORD is empty"), result.err());
        assertTrue(result.commands().isEmpty());

        Result shortGrace = dryRun(Map.of("DEPLOY_STOP_GRACE_S", "10"), "start");
        assertEquals(1, shortGrace.exit());
        assertTrue(shortGrace.err().contains("FERRY_SHUTDOWN_GRACE_S"), shortGrace.err());
    }

    @Test
    void eachGpuWorkerReservesItsOwnGpuAndSeesItAsCuda0() throws IOException {
        assertTrue(read("docker.sh").contains("readonly GPU_SLOTS=" + GPU_SLOTS));
        String gpuWorker = anchor("x-gpu-worker");
        assertTrue(gpuWorker.contains("command: [\"worker\", \"--device\", \"cuda:0\"]"), gpuWorker);
        assertTrue(gpuWorker.contains("FERRY_DEVICE: cuda:0"), gpuWorker);
        for (int gpu = 0; gpu < GPU_SLOTS; gpu++) {
            String slot = service("worker-gpu" + gpu);
            assertTrue(slot.contains("<<: *gpu-worker"), slot);
            assertTrue(slot.contains("devices: [{driver: nvidia, device_ids: [\"" + gpu + "\"], capabilities: [gpu]}]"), slot);
        }
        assertFalse(compose().contains("worker-gpu" + GPU_SLOTS + ":"));
        String worker = anchor("x-worker");
        assertTrue(worker.contains("stop_grace_period: ${DEPLOY_STOP_GRACE_S:-45}s"), worker);
        assertTrue(worker.contains("condition: service_healthy"), worker);
        assertTrue(worker.contains("http://127.0.0.1:8001/live"), worker);
        assertTrue(anchor("x-ferry").contains("FERRY_WORKER_HEALTH_PORT: \"8001\""), anchor("x-ferry"));
    }

    @Test
    void redisKeepsEveryJobAndTheApiIsPublishedOnLoopbackByDefault() throws IOException {
        String redis = service("redis");
        for (String expected : List.of("--appendonly yes", "--maxmemory-policy noeviction", "requirepass $$REDIS_PASSWORD",
                "redis-data:/data", "healthcheck:", "restart: unless-stopped")) {
            assertTrue(redis.contains(expected), expected);
        }
        String api = service("api");
        assertTrue(api.contains("- \"${DEPLOY_API_BIND:-127.0.0.1}:${DEPLOY_API_PORT:-8000}:8000\""), api);
        assertTrue(api.contains("http://127.0.0.1:8000/health"), api);
        String ferry = anchor("x-ferry");
        assertTrue(ferry.contains("env_file: ${FERRY_ENV_FILE:-.env}"), ferry);
        assertTrue(ferry.contains("restart: unless-stopped"), ferry);
        assertTrue(ferry.contains("FERRY_HOST: 0.0.0.0"), ferry);
    }

    @Test
    void theTemplateDocumentsEverySettingComposeAndTheScriptRead() throws IOException {
        Set<String> documented = matches(read("docker/env.template"), "(?m)^#?\\s*([A-Z][A-Z0-9_]*)=");
        Set<String> interpolated = matches(compose(), "\\$\\{([A-Z][A-Z0-9_]*)");
        interpolated.remove("FERRY_ENV_FILE"); // set by docker.sh to the env file it reads
        Set<String> script = matches(read("docker.sh"), "(?:deploy|file)_setting ([A-Z][A-Z0-9_]*)");
        Set<String> missing = new LinkedHashSet<>(interpolated);
        missing.addAll(script);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "used but not in docker/env.template");

        Set<String> unused = documented.stream().filter(name -> name.startsWith("DEPLOY_"))
                .filter(name -> !interpolated.contains(name) && !script.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Set.of(), unused, "in docker/env.template but read by neither compose.yml nor docker.sh");
    }

    @Test
    void theTemplateMentionsEverySettingFerryReads() throws IOException {
        String template = read("docker/env.template");
        Set<String> settings = dev.ferry.core.config.FerryConfig.settingNames();
        assertTrue(settings.contains("REDIS_URL"), settings::toString);
        Set<String> missing = settings.stream().filter(name -> !template.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Set.of(), missing, "read by FerryConfig but not in docker/env.template");
    }

    @Test
    void theDockerfileBuildsEveryModuleAndCopiesNoSecret() throws IOException {
        String dockerfile = read("docker/Dockerfile");
        for (String module : matches(read("pom.xml"), "<module>([^<]+)</module>")) {
            assertTrue(dockerfile.contains("COPY " + module + "/pom.xml " + module + "/"), module);
            assertTrue(dockerfile.contains("COPY " + module + "/src " + module + "/src"), module);
        }
        for (String expected : List.of("ARG VARIANT=gpu", "-Pgpu", "dependency-plugin", "go-offline", "cudnn-runtime",
                "USER ferry", "VOLUME /data", "EXPOSE 8000", "HEALTHCHECK", "/health", "FERRY_DATA=/data",
                "FERRY_HOST=0.0.0.0", "MaxRAMPercentage", "ENTRYPOINT [\"java\", \"-jar\", \"/app/ferry.jar\"]")) {
            assertTrue(dockerfile.contains(expected), expected);
        }
        for (String line : dockerfile.lines().filter(l -> l.startsWith("COPY ")).toList()) {
            assertFalse(line.contains(".env") || line.matches("COPY \\.\\s.*"), line);
        }
        assertTrue(read("pom.xml").contains("<id>gpu</id>"));
    }

    @Test
    void theBuildContextAndGitKeepSecretsAndDataOut() throws IOException {
        List<String> ignored = read(".dockerignore").lines().map(String::strip).toList();
        for (String expected : List.of(".git", "**/.env", "**/.env.*", "data", "**/target", "docker/.env")) {
            assertTrue(ignored.contains(expected), expected);
        }
        assertTrue(read(".gitignore").lines().anyMatch("docker/.env"::equals));
    }

    private record Result(int exit, String out, String err) {
        /** The commands printed with {@code --dry-run}, without their "+ " prefix. */
        List<String> commands() {
            return out.lines().filter(l -> l.startsWith("+ ")).map(l -> l.substring(2)).toList();
        }

        List<String> succeeded() {
            assertEquals(0, exit, err);
            return commands();
        }
    }

    private static Result dryRun(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "docker.sh", "--dry-run"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DEPLOY_"));
        builder.environment().put("FERRY_DOCKER_ENV", envFile.toString());
        builder.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker.sh " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The folder holding docker.sh, found upwards from the working directory (the module under Maven). */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker.sh above " + Path.of("").toAbsolutePath());
    }

    private static String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    private static String compose() throws IOException {
        return read("docker/compose.yml");
    }

    /** A top-level entry of compose.yml (an x- anchor), up to the next top-level line. */
    private static String anchor(String name) throws IOException {
        return block(compose(), "(?m)^" + Pattern.quote(name) + ":.*$", "(?m)^\\S");
    }

    /** One service of compose.yml, up to the next service or top-level line. */
    private static String service(String name) throws IOException {
        return block(compose(), "(?m)^  " + Pattern.quote(name) + ":\\s*$", "(?m)^(  [a-z0-9-]+:\\s*$|\\S)");
    }

    private static String block(String text, String start, String end) {
        Matcher begin = Pattern.compile(start).matcher(text);
        assertTrue(begin.find(), "no " + start + " in compose.yml");
        Matcher next = Pattern.compile(end).matcher(text);
        int stop = next.find(begin.end()) ? next.start() : text.length();
        return text.substring(begin.start(), stop);
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** "worker-gpu<from> ... worker-gpu<to - 1>", space-separated. */
    private static String gpuWorkers(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "worker-gpu" + i).collect(Collectors.joining(" "));
    }
}
