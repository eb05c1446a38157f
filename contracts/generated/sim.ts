// Generated from contracts/sim.openapi.yaml by scripts/generate-contract-types.mjs (openapi-typescript).
// Do not edit: change the contract and run `npm run generate:types`.
export interface paths {
    "/_sim/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getClock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The golden data in force: exact facts pinned over the seeded world (the vendor's `data:` section, see docs/<vendor>.md), or null when the seeded world stands alone. */
        get: operations["getData"];
        /** @description Replaces the golden data, checked against the vendor's data schema like the config file's `data:` section: a mistake answers 400 naming each JSON pointer and changes nothing. `{}` removes every pinned fact. Every view of the vendor answers from the new data at once. */
        put: operations["putData"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Swagger UI over /_sim/openapi.json, served from the swagger-ui-dist package (works offline). */
        get: operations["docs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/docs/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: string;
            };
            cookie?: never;
        };
        get: operations["docsAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listFaults"];
        put?: never;
        post: operations["addFaults"];
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["removeFault"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/jobs/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["advanceJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/jobs/fail-next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["failNextJobs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description This simulator's vendor contract plus this admin API (components prefixed `Sim`), as JSON. */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete: operations["clearRequests"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/requests/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description How many journaled requests match, with the fault rules' matcher (method, path glob or ^regex, tenant, token, header) plus `body` (text the request body contains) and `status` (the status answered). Only what the journal still holds is counted (see `capacity`). */
        post: operations["countRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/requests/find": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description The matching journal entries, oldest first (`limit` keeps the newest N), credentials redacted. */
        post: operations["findRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/simulators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every simulator of this start (the dashboard links them), with banner lines and curl lines using the demo credentials. */
        get: operations["listSimulators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Everything this simulator needs to continue where it is — clock, jobs with their progress, fault rules with their counts, rate windows, data overrides, the vendor's own state (reports, exports, token counters, id streams) and the signing key (only when it is random; with `signingSecret` set, a fingerprint of it) — as versioned JSON. `PUT` it back, here or on a new process started with the same seed and options, and the simulator answers byte for byte as this one would have. Not kept: the request journal, connections and downloads in progress. Taking a snapshot changes nothing. */
        get: operations["getState"];
        /** @description Continues from a snapshot (`GET /_sim/state`), or from this vendor's entry of a state file (`serve --state-file`, `format: billing-sim.state-file`). The whole snapshot is checked before anything changes: a damaged one answers 400, one of another vendor, billing-sim version, format version, seed, world options, clock mode or signing key answers 409, each with `problems` naming what is wrong — and the running state stays exactly as it was. The clock is set to the snapshot's instant (a system clock keeps real time and the lead admin advances gave it); a clock shared by several simulators moves for all of them. */
        put: operations["putState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/ui": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The dashboard: one static page (plain DOM, no build step) over this admin API — jobs, live requests with headers and bodies, fault rules, clock, demo credentials. Needs no admin token itself; it asks for one when the API answers 401. */
        get: operations["dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/ui/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: "dashboard.js" | "dashboard.css";
            };
            cookie?: never;
        };
        get: operations["dashboardAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FaultEffect: {
            delayMs?: number;
            drop?: boolean;
            message?: string;
            retryAfterSeconds?: number;
            status?: number;
            truncateBytes?: number;
        };
        FaultRule: components["schemas"]["FaultRuleInput"] & {
            applied: number;
            matched: number;
            /** @description Its times ran out: never matched again, listed for the record (the 100 most recent); it does not count toward the 1000-rule cap. */
            retired?: boolean;
        };
        FaultRuleInput: {
            effect: components["schemas"]["FaultEffect"];
            fromRequest?: number;
            id?: string;
            match?: {
                header?: {
                    name: string;
                    value?: string;
                };
                method?: string;
                /** @description Glob (`*` one segment, `**` any depth) or a regex starting with ^, in RE2 syntax (linear-time; backreferences and lookaround refused). */
                path?: string;
                tenant?: string;
                token?: string;
            };
            ratio?: number;
            /** @description A rule is retired once applied this many times. */
            times?: number;
        };
        /** @description HTTP Archive 1.2 of the journal (credentials redacted); entries carry `_seq`, `_tenant`, `_fault`. */
        Har: {
            log: {
                creator: {
                    name: string;
                    version: string;
                };
                entries: {
                    cache: Record<string, never>;
                    request: Record<string, never>;
                    response: Record<string, never>;
                    /** Format: date-time */
                    startedDateTime: string;
                    time: number;
                    timings: Record<string, never>;
                }[];
                /** @constant */
                version: "1.2";
            };
        };
        Job: {
            /** Format: date-time */
            createdAt: string;
            error?: null | {
                code: string;
                message: string;
            };
            failed: boolean;
            /** Format: date-time */
            finishedAt?: string | null;
            id: string;
            kind: string;
            polls: number;
            processedUnits: number;
            state: string;
            tenant?: string | null;
            terminal: boolean;
            totalUnits: number;
        };
        JournalEntry: {
            /** Format: date-time */
            at: string;
            durationMs: number;
            fault?: string;
            method: string;
            path: string;
            query: string;
            request?: components["schemas"]["JournalMessage"];
            requestBytes: number;
            response?: components["schemas"]["JournalMessage"];
            seq: number;
            /** @description 0 when the connection was dropped before an answer. */
            status: number;
            tenant?: string;
        };
        /** @description Headers (lower-case names) and the textual body up to the journal's body size (kernel option `journalBodyBytes`, default 8192 bytes per body). Credentials are redacted as `[redacted]`: Authorization, Cookie and API-key headers, and query parameters, form fields, JSON keys and XML elements named like a password, secret, token, signature or key. */
        JournalMessage: {
            body?: string;
            bodyBytes: number;
            bodyTruncated: boolean;
            headers: {
                [key: string]: string;
            };
        };
        RequestQuery: {
            limit?: number;
            match?: {
                /** @description Text the request body contains (matched before redaction). */
                body?: string;
                header?: {
                    name: string;
                    value?: string;
                };
                method?: string;
                /** @description Glob (`*` one segment, `**` any depth) or a regex starting with ^. */
                path?: string;
                status?: number;
                tenant?: string;
                token?: string;
            };
        };
        /** @description One simulator's state snapshot. Kernel parts have a fixed layout; `vendorState` is the vendor's own (its `state.ts`), and each job's `data` is its vendor's report or export description. Values are simulator epoch milliseconds unless said otherwise. */
        SimState: {
            /** @description The billing-sim version that took it; another is refused (409). */
            billingSim: string;
            clock: {
                /** @description System clock: how far admin advances put it ahead of real time. */
                aheadMs: number;
                /** @enum {unknown} */
                mode: "system" | "manual" | "scaled";
                now: number;
                start: number;
            };
            /** @description The data overrides in force (PUT /_sim/data), or null. */
            data: Record<string, never> | null;
            faults: {
                active: components["schemas"]["FaultRule"][];
                counter: number;
                retired: number;
                spent: components["schemas"]["FaultRule"][];
            };
            /** @constant */
            format: "billing-sim.state";
            jobs: {
                counter: number;
                evicted: number;
                failNext: number;
                jobs: {
                    advance: {
                        count?: number;
                        /** @enum {unknown} */
                        kind: "immediate" | "time" | "polls" | "manual";
                        ms?: number;
                    };
                    createdAt: number;
                    /** @description The vendor's description of the report or export. */
                    data: unknown;
                    finishedAt: number | null;
                    forced: number;
                    id: string;
                    kind: string;
                    lifecycle: {
                        failure: string;
                        steps: string[];
                        success: string;
                    };
                    polls: number;
                    seq: number;
                    tenant: string | null;
                    totalUnits: number;
                    willFail: null | {
                        code: string;
                        message: string;
                    };
                }[];
                /** @description Job ids, least recently used first. */
                recency: string[];
            };
            /** @description The limiter's windows (fixed-window `[key, start, count]`) or buckets (token-bucket `[key, tokens, at]`); restored only into a limiter of the same configuration. */
            rateLimit: {
                config: {
                    kind: string;
                };
                entries: [
                    string,
                    number,
                    number
                ][];
            };
            signing: {
                /** @description 32 bytes, base64. */
                secret: string;
                /** @constant */
                source: "random";
            } | {
                fingerprint: string;
                /** @constant */
                source: "configured";
            };
            /**
             * Format: date-time
             * @description The simulator's time when it was taken.
             */
            takenAt: string;
            vendor: string;
            /** @description The vendor's own state (reports, exports, token counters, id-stream positions). */
            vendorState: unknown;
            /**
             * @description The snapshot layout; another is refused (409).
             * @constant
             */
            version: 1;
            /** @description What the seeded world is made of; a simulator with another seed or options refuses the snapshot (409). */
            world: {
                /** @description The vendor's options as given (kernel runtime options such as journal and admin token, and the vendor's listener and URL options, excluded). */
                options: Record<string, never>;
                seed: number;
            };
        };
        /** @description A state file (`serve --state-file`, `control.snapshot()`) — one snapshot per simulator, keyed by vendor. */
        SimStateFile: {
            billingSim: string;
            /** @constant */
            format: "billing-sim.state-file";
            simulators: {
                [key: string]: components["schemas"]["SimState"];
            };
            /** @constant */
            version: 1;
        };
    };
    responses: {
        /** @description The simulator clock. */
        Clock: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    epochMs: number;
                    /** @enum {unknown} */
                    mode: "system" | "manual" | "scaled";
                    /** Format: date-time */
                    now: string;
                    scale: number;
                };
            };
        };
        /** @description The golden data in force. */
        Data: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    data: Record<string, never> | null;
                    vendor: string;
                };
            };
        };
        /** @description Admin API error. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: string;
                };
            };
        };
        /** @description One job. */
        Job: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Job"];
            };
        };
        /** @description The snapshot was refused (400 damaged: not JSON, wrong types, missing fields, dangling references; 409 incompatible: another vendor, billing-sim, format version, seed, world option, clock mode or signing key). Nothing was changed. */
        StateRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: string;
                    /** @description One line per problem, each naming a JSON pointer into the snapshot or an option (absent when the body could not be read as JSON at all). */
                    problems?: string[];
                };
            };
        };
        /** @description The admin token is missing or wrong (only when one is configured). */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": "Bearer realm=\"billing-sim admin\"";
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: string;
                };
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    ms?: number;
                    seconds?: number;
                    /** Format: date-time */
                    to?: string;
                };
            };
        };
        responses: {
            200: components["responses"]["Clock"];
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    getData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Data"];
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    putData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: components["responses"]["Data"];
            /** @description The data breaks the vendor's data schema; nothing changed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        /** @description One per mistake: `<JSON pointer>: <what was expected>`. */
                        problems?: string[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    docs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    docsAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A Swagger UI file. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/javascript": unknown;
                    "image/png": unknown;
                    "text/css": unknown;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Installed fault rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        faults: components["schemas"]["FaultRule"][];
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    addFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRuleInput"] | components["schemas"]["FaultRuleInput"][];
            };
        };
        responses: {
            /** @description Rules installed (a rule with an existing id replaces it). All or nothing: a batch with one invalid rule, or one that would pass 1000 rules, answers 400 and installs none. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        faults: components["schemas"]["FaultRule"][];
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All rules removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    removeFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The simulator is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        now: string;
                        /** @constant */
                        status: "ok";
                        vendor: string;
                    };
                };
            };
            400: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    listJobs: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                kind?: string;
                limit?: number;
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of this simulator's jobs in creation order. A simulator keeps at most 1000 jobs; past that the least recently used finished job is evicted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobs: components["schemas"]["Job"][];
                        /** @description null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Job"];
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    advanceJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    error?: {
                        code: string;
                        message: string;
                    };
                    /**
                     * @default next
                     * @enum {unknown}
                     */
                    to?: "next" | "complete" | "succeed" | "fail";
                };
            };
        };
        responses: {
            200: components["responses"]["Job"];
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    failNextJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    count?: number;
                };
            };
        };
        responses: {
            /** @description The next `count` jobs created will fail. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        failNext: number;
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 document; its first server is the simulator itself. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /** @description har: the journal as HAR 1.2. */
                format?: "json" | "har";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request journal, oldest first. */
            200: {
                headers: {
                    /** @description format=har: a file name. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/har+json": components["schemas"]["Har"];
                    "application/json": {
                        capacity: number;
                        requests: components["schemas"]["JournalEntry"][];
                        total: number;
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    clearRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Journal cleared. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    countRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RequestQuery"];
            };
        };
        responses: {
            /** @description The number of matching requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    findRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RequestQuery"];
            };
        };
        responses: {
            /** @description Matching requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requests: components["schemas"]["JournalEntry"][];
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description start returns the clock to its start instant (a shared clock for every simulator).
                     * @default keep
                     * @enum {unknown}
                     */
                    clock?: "keep" | "start";
                };
            };
        };
        responses: {
            /** @description Jobs, faults, journal, rate windows and vendor state cleared; golden data back to the configured. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    listSimulators: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Simulators. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current: string;
                        simulators: {
                            banner: string[];
                            curl: string[];
                            name: string;
                            port: number;
                            title: string;
                            tls: boolean;
                            url: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    getState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This simulator's snapshot. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimState"];
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    putState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimState"] | components["schemas"]["SimStateFile"];
            };
        };
        responses: {
            /** @description Restored; what the simulator now holds. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Active fault rules. */
                        faults: number;
                        /** @description Jobs held. */
                        jobs: number;
                        /** Format: date-time */
                        now: string;
                        vendor: string;
                    };
                };
            };
            400: components["responses"]["StateRefused"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["StateRefused"];
            /** @description The body is over 64 MiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                    };
                };
            };
        };
    };
    dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML page. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
    dashboardAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: "dashboard.js" | "dashboard.css";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard's script or style sheet. */
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/javascript": unknown;
                    "text/css": unknown;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Error"];
            413: components["responses"]["Error"];
        };
    };
    version: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The billing-sim package running this simulator. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        node: string;
                        vendor: string;
                        version: string;
                    };
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["Error"];
        };
    };
}
