// Generated from contracts/rprm.openapi.yaml by scripts/generate-contract-types.mjs (openapi-typescript).
// Do not edit: change the contract and run `npm run generate:types`.
export interface paths {
    "/api/rest/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream the CDR ZIP for a window synchronously (deprecated)
         * @deprecated
         * @description Streams one ZIP holding the calls, conferences and call-counts CSV lists of the calls and
         *     conferences that ended within the window by the time of the request (x-reconstructed
         *     membership, see info). No job and no status resource are involved.
         */
        get: operations["getBillingDeprecated"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rest/billing/download-cdrs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the generated CDR ZIP
         * @description `ETag` is the UNIX timestamp (seconds) of when the results were produced, quoted — a
         *     placeholder rather than a hash of the bytes; the status resource's `entityTag` equals it.
         */
        get: operations["downloadCdrs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rest/billing/generate-cdrs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start asynchronous CDR generation
         * @description Starts generating the CDR export for the window. Only one generation runs at a time,
         *     globally. The status resource's URL comes back in `Location`.
         */
        post: operations["generateCdrs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rest/billing/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of the current (or last) CDR generation */
        get: operations["getBillingStatus"];
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
        AtomLink: {
            /** Format: uri */
            href: string;
            rel: string;
            title?: string;
            type?: string;
        };
        /**
         * @description Server-local time with its GMT offset, milliseconds included.
         * @example 2026-03-15T00:00:00.000-04:00
         */
        DateTime: string;
        /**
         * @description plcm-billing-status. Polycom marks only `actionType` and `statusType` mandatory, so only
         *     they are required here. The simulator always sends `atomLinkList`,
         *     `totalNumberCdrRecords`, `numberCdrRecordsProcessed`, `estimatedTimeRemainingSeconds` and
         *     `downloadReady` as well; `fromDate`, `toDate` and `creationTime` once a generation exists;
         *     `downloadUrl` and `entityTag` when `downloadReady` is true; `statusMessage` with errors,
         *     warnings and a refused second generate.
         */
        PlcmBillingStatus: {
            /** @enum {string} */
            actionType: "NOT_STARTED" | "CREATING_CDR_FILE" | "RETRIEVING_CDR_NUM_CALL_RECORDS" | "RETRIEVING_CDR_NUM_CONF_RECORDS" | "RETRIEVING_CDR_CALL_UUIDS" | "RETRIEVING_CDR_CALL_RECORDS" | "RETRIEVING_CDR_CONF_RECORDS" | "DOWNLOADING" | "UNKNOWN";
            atomLinkList?: components["schemas"]["AtomLink"][];
            creationTime?: components["schemas"]["DateTime"];
            /** @description true when downloadUrl is valid */
            downloadReady?: boolean;
            /** Format: uri */
            downloadUrl?: string;
            /** @example "1773583202" */
            entityTag?: string;
            estimatedTimeRemainingSeconds?: number;
            fromDate?: components["schemas"]["DateTime"];
            numberCdrRecordsProcessed?: number;
            statusMessage?: string;
            /** @enum {string} */
            statusType: "ERROR" | "NOT_STARTED" | "RUNNING" | "SUCCESS" | "ERROR_ANOTHER_CDR_IS_BEING_GENERATED" | "ERROR_DB_NOT_READY" | "ERROR_UNKNOWN_CREATE" | "ERROR_UNKNOWN_STATUS" | "ERROR_UNKNOWN_DOWNLOAD" | "WARN_CDR_RESULTS_TRUNCATED" | "WARN_CDR_RESULTS_INCOMPLETE" | "GENERATION_COMPLETE" | "UNKNOWN";
            toDate?: components["schemas"]["DateTime"];
            /** @description Call rows plus conference rows of the export (x-reconstructed counting). */
            totalNumberCdrRecords?: number;
        };
        /** @description plcm-error (XML uses kebab-case names in urn:com:polycom:api:rest:plcm-error). */
        PlcmError: {
            description: string;
            /** @description Simulator-chosen numeric detail codes (documented in docs/rprm.md). */
            detailedErrorCode?: number;
            localizationKey?: string;
            localizationParam?: string[];
            statusCode: number;
            technicalDetails?: string;
        };
    };
    responses: {
        /**
         * @description The export ZIP, streamed. Entry names `calls.csv`, `conferences.csv`, `callcounts.csv`,
         *     in that order (x-reconstructed, fixed: Polycom only says "three files … calls,
         *     conference, and call counts as CSV lists").
         */
        CdrZip: {
            headers: {
                "Content-Disposition": components["headers"]["ContentDisposition"];
                [name: string]: unknown;
            };
            content: {
                "application/zip": string;
            };
        };
        /**
         * @description plcm-error (JSON, or XML when the client asks for XML). Kernel errors (rate limit 429,
         *     injected 423/5xx faults, unknown routes) use the same envelope; Retry-After when known.
         */
        Error: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                "application/vnd.plcm.plcm-error+xml": string;
            };
        };
        /**
         * @description The Accept header admits none of the resource's representations (status: the
         *     plcm-billing-status JSON/XML types, application/json, application/xml, text/xml; ZIPs:
         *     application/zip, application/octet-stream). plcm-error, JSON unless XML is asked for.
         *     x-reconstructed (JAX-RS behaviour); simulator option `lenientAccept: true` answers the
         *     usual representation instead.
         */
        NotAcceptable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                "application/vnd.plcm.plcm-error+xml": string;
            };
        };
        /** @description Missing or bad credentials. */
        Unauthorized: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                "application/vnd.plcm.plcm-error+xml": string;
            };
        };
    };
    parameters: {
        /**
         * @description xs:dateTime `[-]CCYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm]`; no offset → the server's
         *     time zone. Calls and conferences that ended at or after it (x-reconstructed: the DMA UI's
         *     "ending after"; the API text says CDRs that start in the window). Default: midnight today
         *     (server zone). Given once; a value of another shape, a day or time out of range, a
         *     year 0000 or an offset beyond ±14:00 answers 400 (error.billing.invalid.date). An
         *     unencoded `+` of the offset arrives as a space and is read as `+`.
         */
        FromDate: string;
        /**
         * @description xs:dateTime as for from-date; calls and conferences that ended before it (exclusive, so
         *     consecutive windows partition them; x-reconstructed), and never after the request
         *     instant. Default now. Not before from-date (400 error.billing.invalid.date.range).
         */
        ToDate: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Always `attachment; filename="cdrExport.zip"` (x-reconstructed, fixed: `cdrExport.zip`
         *     is the name the RPRM UI saves the export under; the API's own header is undocumented).
         */
        ContentDisposition: "attachment; filename=\"cdrExport.zip\"";
        /** @description UNIX timestamp (seconds) of the generation, as a quoted string. */
        ETag: string;
        /** @description Seconds to wait (rate limit, injected faults, generation still running). */
        RetryAfter: number;
        WwwAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getBillingDeprecated: {
        parameters: {
            query?: {
                /**
                 * @description xs:dateTime `[-]CCYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm]`; no offset → the server's
                 *     time zone. Calls and conferences that ended at or after it (x-reconstructed: the DMA UI's
                 *     "ending after"; the API text says CDRs that start in the window). Default: midnight today
                 *     (server zone). Given once; a value of another shape, a day or time out of range, a
                 *     year 0000 or an offset beyond ±14:00 answers 400 (error.billing.invalid.date). An
                 *     unencoded `+` of the offset arrives as a space and is read as `+`.
                 */
                "from-date"?: components["parameters"]["FromDate"];
                /**
                 * @description xs:dateTime as for from-date; calls and conferences that ended before it (exclusive, so
                 *     consecutive windows partition them; x-reconstructed), and never after the request
                 *     instant. Default now. Not before from-date (400 error.billing.invalid.date.range).
                 */
                "to-date"?: components["parameters"]["ToDate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            200: components["responses"]["CdrZip"];
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Error"];
            406: components["responses"]["NotAcceptable"];
            413: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    downloadCdrs: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /**
             * @description The export ZIP, streamed. Entry names `calls.csv`, `conferences.csv`, `callcounts.csv`,
             *     in that order (x-reconstructed, fixed: Polycom only says "three files … calls,
             *     conference, and call counts as CSV lists").
             */
            200: {
                headers: {
                    "Content-Disposition": components["headers"]["ContentDisposition"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description If-None-Match matched the current ETag; nothing changed. */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Error"];
            /** @description Nothing was generated (or the last generation failed). */
            404: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                    "application/vnd.plcm.plcm-error+xml": string;
                };
            };
            406: components["responses"]["NotAcceptable"];
            /** @description Generation still running (with option `downloadWhileRunningStatus: 409`). */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                    "application/vnd.plcm.plcm-error+xml": string;
                };
            };
            413: components["responses"]["Error"];
            /**
             * @description Generation still running (default); Retry-After holds the estimated seconds left. An
             *     injected 423 fault uses the same envelope, with Retry-After only when the fault sets one.
             */
            423: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                    "application/vnd.plcm.plcm-error+xml": string;
                };
            };
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    generateCdrs: {
        parameters: {
            query?: {
                /**
                 * @description xs:dateTime `[-]CCYY-MM-DDThh:mm:ss[.fraction][Z|(+|-)hh:mm]`; no offset → the server's
                 *     time zone. Calls and conferences that ended at or after it (x-reconstructed: the DMA UI's
                 *     "ending after"; the API text says CDRs that start in the window). Default: midnight today
                 *     (server zone). Given once; a value of another shape, a day or time out of range, a
                 *     year 0000 or an offset beyond ±14:00 answers 400 (error.billing.invalid.date). An
                 *     unencoded `+` of the offset arrives as a space and is read as `+`.
                 */
                "from-date"?: components["parameters"]["FromDate"];
                /**
                 * @description xs:dateTime as for from-date; calls and conferences that ended before it (exclusive, so
                 *     consecutive windows partition them; x-reconstructed), and never after the request
                 *     instant. Default now. Not before from-date (400 error.billing.invalid.date.range).
                 */
                "to-date"?: components["parameters"]["ToDate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /**
             * @description Generation started (no body; x-reconstructed). With the simulator option `generateConflictStatus: 202`
             *     a request made while a generation runs is also answered 202; the status resource
             *     then reports `ERROR_ANOTHER_CDR_IS_BEING_GENERATED`.
             */
            202: {
                headers: {
                    /**
                     * @description Absolute URL of the status resource, built from the request's scheme and Host:
                     *     `https://<host>:<port>/api/rest/billing/status`. x-reconstructed, fixed: Polycom
                     *     only says "a URL … in the location header"; an absolute URL was chosen (valid for
                     *     any client, RFC 9110) over the relative `/api/rest/billing/status` the facts file
                     *     suggested. See docs/rprm.md.
                     */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Error"];
            406: components["responses"]["Error"];
            /**
             * @description Another CDR is being generated (default answer to a second POST while one runs; the
             *     status resource reports `ERROR_ANOTHER_CDR_IS_BEING_GENERATED` once). The running
             *     generation is not affected.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                    "application/vnd.plcm.plcm-error+xml": string;
                };
            };
            /**
             * @description A request body over the limit (kernel option bodyLimitBytes, default 64 KiB), whatever
             *     its framing (Content-Length or chunked) and media type; nothing is started. A JSON
             *     body that is not valid JSON or not valid UTF-8 → 400. x-reconstructed (generate-cdrs
             *     takes no body).
             */
            413: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.plcm.plcm-error+json": components["schemas"]["PlcmError"];
                    "application/vnd.plcm.plcm-error+xml": string;
                };
            };
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
    getBillingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["Error"];
            "5XX": components["responses"]["Error"];
            /**
             * @description plcm-billing-status; XML when the client asks for `…+xml`. Once the export is ready the
             *     `ETag` header carries the status's `entityTag` (Polycom: it "MUST be applied to the
             *     HTTP ETag header").
             */
            200: {
                headers: {
                    /** @description The entityTag of a ready export (absent while nothing is ready). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.plcm.plcm-billing-status+json": components["schemas"]["PlcmBillingStatus"];
                    "application/vnd.plcm.plcm-billing-status+xml": string;
                };
            };
            400: components["responses"]["Error"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Error"];
            406: components["responses"]["NotAcceptable"];
            413: components["responses"]["Error"];
            429: components["responses"]["Error"];
            500: components["responses"]["Error"];
            503: components["responses"]["Error"];
        };
    };
}
