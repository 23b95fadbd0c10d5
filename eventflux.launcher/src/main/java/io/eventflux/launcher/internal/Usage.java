package io.eventflux.launcher.internal;

/** The help texts of the {@code eventflux} command and its subcommands. */
final class Usage {
    static final String MAIN = """
            Usage: eventflux <command> [options]

            EventFlux: streaming SQL and complex event processing on an embedded OSGi runtime.

            Commands:
              run APP.sql [--input EVENTS.jsonl]   deploy an app and print what it emits until Ctrl-C
              replay APP.sql --input EVENTS.jsonl  run an app deterministically in event time
                     [--output OUT.jsonl] [--skip-bad]
              validate APP.sql                     compile an app and print its streams
              config list APP.sql                  show every stream's options and where each came from
              config validate APP.sql              check the options: variables set, connectors installed
              server [--home DIR] [--port N]       run as a server: hot-deploy folder and management API
              shell [APP.sql ...]                  an interactive console (Gogo) in a local runtime
              help [COMMAND]                       show this help, or a command's

            run, replay, validate, config and shell take --config FILE (TOML or YAML); without it
            conf/eventflux.toml, conf/eventflux.yaml or conf/eventflux.yml is used when present.
            run, replay and validate take --bundle JAR (repeatable; a folder: its jars): your own extension
            bundles, installed before the app is compiled (see docs/extensions.md).

            Exit codes: 0 ok, 1 error, 2 the app does not compile, 3 a bad input line.
            Run 'eventflux <command> --help' for a command's options.

            JVM system properties (java -D..., or EVENTFLUX_JAVA_OPTS for the eventflux script):
              eventflux.service.timeout=S   seconds to wait for the EventFlux runtime service (default 10)
              felix.fileinstall.dir=DIR     the deploy folder that 'run' watches (default ./deploy)
              eventflux.http.port=N         the management API's port in server mode (default 9090)
              eventflux.http.host=ADDR      the address it binds (default 127.0.0.1)
              eventflux.http.token=T        a bearer token it requires (or EVENTFLUX_HTTP_TOKEN)
            """;

    static final String RUN = """
            Usage: eventflux run APP.sql [--input EVENTS.jsonl] [--skip-bad] [--config FILE] [--state DIR]
                                [--bundle JAR]...

            Deploys APP.sql on the wall clock (asynchronously, through the app's ring buffer) and
            prints every event emitted into a stream that some query inserts into, one JSON line each:
              {"ts": 1000, "stream": "Out", "data": {...}}      ("expired": true for expired events)
            Runs until Ctrl-C, then shuts the app down gracefully (rings drain, rate limiters flush).
            While it runs, bundles dropped into the deploy folder (./deploy, or -Dfelix.fileinstall.dir)
            are installed.

            Options:
              --input F    send the events of F (replay's JSON Lines format, '-' for standard input),
                           then shut down gracefully and exit. Events are stamped with the wall clock:
                           the 'ts' of each line is checked but not used, and {"ts": N} lines are ignored.
              --skip-bad   report bad input lines on stderr and go on, instead of exiting with 3
              --config F   stream options from F (see 'eventflux help config'); default conf/eventflux.toml
              --state D    keep the app's state in D (file persistence store): restored at start, saved
                           every persistence.interval (default 30 seconds) and at a graceful shutdown.
                           Also [persistence] dir = '...' in the configuration file
              --bundle J   install and start the extension bundle J (a jar built against eventflux.api;
                           a folder: every jar in it) before the app is compiled, so the app can use its
                           windows, aggregators, functions, connectors and formats. Repeatable
              --help       show this help
            """;

    static final String REPLAY = """
            Usage: eventflux replay APP.sql --input EVENTS.jsonl [--output OUT.jsonl] [--skip-bad]
                                   [--config FILE] [--bundle JAR]...

            Runs APP.sql deterministically in event time (playback clock, queries run inline) and writes
            every event emitted into a stream that some query inserts into, in emission order.
            No source or sink connects: a source stream (type = 'source') is fed from the input like any
            stream, and a sink stream a query inserts into is written to the output.

            Input, one JSON object a line ('-' reads standard input):
              {"ts": 1000, "stream": "S", "data": {"symbol": "IBM", "price": 75.5}}   one event (data may
                                                                   also be an array in attribute order)
              {"ts": 1000, "stream": "S", "batch": [{...}, {...}]}  several events sent as one chunk
              {"ts": 6000}                                          move the clock without an event
            Blank lines and lines starting with // are skipped. ts must not decrease; the app starts at
            the first line's ts; timers due at or before a line's ts fire before it is applied. Values are
            converted to the declared types (1 into a DOUBLE is 1.0); a missing attribute is NULL.
            At the end of the input the app shuts down gracefully (rate limiters flush partial batches).

            Output: {"ts": 1000, "stream": "Out", "data": {...}}, plus "expired": true for expired events.

            Options:
              --input F    the events to replay (required)
              --output F   write the output to F instead of standard output
              --skip-bad   report bad input lines on stderr and go on, instead of exiting with 3
              --config F   stream options from F (see 'eventflux help config'); default conf/eventflux.toml
              --bundle J   install and start the extension bundle J (a jar built against eventflux.api;
                           a folder: every jar in it) before the app is compiled, so the app can use its
                           windows, aggregators, functions, connectors and formats. Repeatable
              --help       show this help

            Exit codes: 0 ok, 1 error, 2 the app does not compile, 3 a bad input line (not JSON, unknown
            stream, a value that cannot be converted, a decreasing ts); the message names the line.
            """;

    static final String VALIDATE = """
            Usage: eventflux validate APP.sql [--config FILE] [--bundle JAR]...

            Compiles APP.sql without running it. Prints the app's streams, one a line, and exits 0; or
            prints the compile errors (line, column, the offending name and a suggestion) on stderr and
            exits 2. The streams' options are checked as 'eventflux config validate' does (exit 1).

            Options:
              --config F   stream options from F (see 'eventflux help config'); default conf/eventflux.toml
              --bundle J   install and start the extension bundle J (a jar built against eventflux.api;
                           a folder: every jar in it) before the app is compiled, so the app can use its
                           windows, aggregators, functions, connectors and formats. Repeatable
              --help       show this help
            """;

    static final String CONFIG = """
            Usage: eventflux config list APP.sql [--config FILE]
                   eventflux config validate APP.sql [--config FILE]

            A stream's options come from, strongest first: its SQL WITH clause, the configuration file's
            [streams.Name] table, and its [application] table (for streams with a 'type' only). In every
            value ${VAR} is replaced by the environment variable VAR, ${VAR:default} by the default when
            VAR is not set; a ${VAR} that is not set and has no default is an error.

            The file is --config FILE, else conf/eventflux.toml, conf/eventflux.yaml or conf/eventflux.yml
            in the current directory. In TOML:
              [application]
              "error.strategy" = "retry"
              [application.kafka]                 nested tables join with dots: kafka.bootstrap.servers
              bootstrap.servers = "${KAFKA_SERVERS:localhost:9092}"
              [streams.Orders]
              kafka.topic = "orders"
              kafka.sasl.jaas.config = '... password="${KAFKA_PASSWORD}";'
            Numbers and booleans become strings, lists are joined with commas. Other top-level tables
            ([persistence], [server], ...) are kept for the features that read them.

            list      prints, for every stream with options, each option's value, the layer it came
                      from and the environment variables it read; exit 1 if some cannot be resolved.
            validate  resolves every option and checks the connector type, extension and format
                      against the installed extensions (error.strategy, backpressure and
                      error.dlq.stream too); exit 0 when fine, 1 with every problem listed.

            Values of secrets (keys with password, token, secret, sasl, credential, api key, ...,
            or values read from such variables) are shown as ********, here and in every message.

            Options:
              --config F   the configuration file (TOML: *.toml; YAML: *.yaml, *.yml)
              --help       show this help
            """;

    static final String SERVER = """
            Usage: eventflux server [--home DIR] [--port N] [--host ADDR] [--config FILE] [--console]

            Runs the runtime as a server until stopped (SIGTERM or Ctrl-C stop every app gracefully).
            DIR (default: the working directory) is the distribution folder; missing folders are created:
              deploy/   watched: bundle jars are installed, updated and uninstalled; *.sql apps are
                        deployed (named by @app:name, else the file name), redeployed when changed (a
                        file that does not compile leaves the previous version running and is reported
                        in the log, GET /ready and GET /api/apps/APP), undeployed when removed
              conf/     configuration    state/  http.port (the API's port)    logs/
            The core bundles are embedded in the eventflux jar.

            Management API (http://127.0.0.1:9090 by default; Jetty):
              GET /health, GET /ready (503 with reasons unless every app is RUNNING or stopped on purpose),
              GET /metrics (Prometheus), GET /api/apps, GET|PUT|DELETE /api/apps/APP (PUT: the SQL as body),
              POST /api/apps/APP/query (on-demand SQL), POST /api/apps/APP/streams/STREAM (JSON events),
              GET /api/apps/APP/stats, GET /api/stats, GET /api/extensions[/TYPE]

            Options:
              --home DIR    the distribution folder
              --port N      the API's port (0: any free port; also -Deventflux.http.port)
              --host ADDR   the address to bind (also -Deventflux.http.host; default 127.0.0.1)
              --config F    the configuration file (default DIR/conf/eventflux.toml, .yaml or .yml); its
                            [server] table may set port, host and token (the options win)
              --console     a Gogo console on standard input once ready (the default on a terminal):
                            the eventflux commands (apps, status NAME, deploy, query, ...); exit or
                            Ctrl-D stops the server. On a terminal: line editing, Tab completion of
                            commands, apps and streams, history (up arrow) in DIR/state/console.history
              --help        show this help
            With -Deventflux.http.token=T or EVENTFLUX_HTTP_TOKEN=T, /api and /metrics require
            'Authorization: Bearer T' (/health and /ready stay open for probes).
            """;

    static final String SHELL = """
            Usage: eventflux shell [APP.sql ...] [--config FILE] [--state DIR] [--history FILE]
                                  [--port N] [--host ADDR]

            An interactive session in a local runtime: the console of 'eventflux server' (Apache Felix
            Gogo with the eventflux commands) without the management API (unless --port) or a deploy folder.
            The apps given are deployed first, inline (a send runs their queries at once), and every event
            emitted into one of their output streams is printed as a JSON line, as 'eventflux run' prints it:
              {"ts": 1700000000000, "stream": "Out", "data": {...}}
            Commands (the eventflux: scope may be left out):
              apps, status APP, deploy FILE.sql|'SQL', undeploy APP, send APP STREAM 'JSON',
              trace [-t S] APP STREAM [N], query APP 'SQL', extensions [TYPE], stats [APP],
              snapshot APP, snapshots APP, restore APP [REV]
              watch APP      print the app's output streams from now on (unwatch APP stops; watch lists)
              exit, quit     leave the shell (also Ctrl-D); every app is shut down gracefully
            Quote SQL and JSON with single quotes. Lines starting with # are skipped.

            On a terminal: line editing, Tab completion of commands, apps and streams, history (up arrow,
            Ctrl-R) kept in ~/.eventflux_history. Otherwise the commands are read from standard input with
            no prompt, and standard output holds only what they print:
              eventflux shell hello.sql < commands.txt       echo apps | eventflux shell
            The exit code is then 1 if a command failed (its error is on stderr), else 0.

            Options:
              --config F    stream options from F (see 'eventflux help config'); default conf/eventflux.toml
              --state D     keep the given apps' state in D (file persistence store): restored at start,
                            saved every persistence.interval and when the shell ends
              --history F   the history file (default ~/.eventflux_history)
              --port N      also serve the management API (REST, metrics) on port N (0: any free port),
                            as 'eventflux server' does, over a temporary home folder removed at the end;
                            the address is printed on stderr. --host ADDR: the address to bind
              --help        show this help
            """;

    private Usage() {
    }

    /** The help text of a subcommand, or the main help for null or an unknown name. */
    static String of(String command) {
        if (command == null) {
            return MAIN;
        }
        return switch (command) {
            case "run" -> RUN;
            case "replay" -> REPLAY;
            case "validate" -> VALIDATE;
            case "config" -> CONFIG;
            case "server" -> SERVER;
            case "shell" -> SHELL;
            default -> MAIN;
        };
    }
}
