// Generated from contracts/webex.openapi.yaml by scripts/generate-contract-types.mjs (openapi-typescript).
// Do not edit: change the contract and run `npm run generate:types`.
export interface paths {
    "/{orgUuid}/{year}/{month}/{day}/{fileName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a BroadWorks report (tempDownloadURL)
         * @description The CSV of a COMPLETED BroadWorks report; the date segments are the day the report completed. Same signing and errors as the wholesale download. Column layout: contracts/csv/webex-broadworks.csv.yaml.
         */
        get: operations["downloadBroadWorksBillingReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{orgUuid}/WHOLESALE/{fileName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a wholesale report (tempDownloadURL)
         * @description The CSV of a COMPLETED wholesale report, streamed. No bearer token: the URL is the credential. The signature is an HMAC-SHA256 over the object path, `Expires` and `Key-Pair-Id` with a per-instance secret derived from the seed; a missing, tampered or expired signature is a 403 in the Webex error envelope, a deleted report a 404. Column layouts: contracts/csv/webex-wholesale-{partner,customer,user}.csv.yaml.
         */
        get: operations["downloadWholesaleBillingReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadworks/billing/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List BroadWorks Billing Reports
         * @description Search the partner's BroadWorks billing reports. `before` and `after` compare the report's creation time (strictly) and accept `YYYY-MM` (the month's first instant, UTC), `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time with a zone. No pagination.
         */
        get: operations["listBroadWorksBillingReports"];
        put?: never;
        /**
         * Create a BroadWorks Billing Report
         * @description Generate a monthly reconciliation report. `billingPeriod` must be a whole month before the current one and within the last five years (x-reconstructed). A second report for the same month while one is IN_PROGRESS or COMPLETED is a 409 (x-reconstructed, switchable: `duplicateCreate409`). Generation time and outcome are x-reconstructed options: `generation` (default `{kind: 'time', ms: 30000}`, 30 s of simulator time) and `failureRate` (default 0).
         */
        post: operations["createBroadWorksBillingReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadworks/billing/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A report id: URL-safe base64 (unpadded) of `ciscospark://us/BILLING_REPORT/<uuid>`. A value that does not decode to such an id is a 400 (x-reconstructed, fixed: Cisco does not say); a well-formed id of another partner's report, or of the other report family, is a 404. */
                id: components["parameters"]["ReportIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get a BroadWorks Billing Report
         * @description Retrieve one report of the caller's partner organization (another partner's is a 404). `tempDownloadURL` only when COMPLETED (signed at this GET, valid for `downloadUrlTtlSeconds`, default 3600 s = 1 h — x-reconstructed), `errors` only when FAILED.
         */
        get: operations["getBroadWorksBillingReport"];
        put?: never;
        post?: never;
        /**
         * Delete a BroadWorks Billing Report
         * @description Delete a report; 423 Locked with Retry-After while it is IN_PROGRESS (x-reconstructed, switchable).
         */
        delete: operations["deleteBroadWorksBillingReport"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale/billing/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Wholesale Billing Reports
         * @description Search the partner's wholesale billing reconciliation reports. Filters combine. Results are ordered by `sortBy` ascending, ties broken by creation time then id. When more reports match than `max`, the response carries an RFC 5988 `Link: <…>; rel="next"` header whose URL keeps every filter and adds an opaque `cursor` (x-reconstructed: the cursor parameter and ordering are the simulator's choice).
         */
        get: operations["listWholesaleBillingReports"];
        put?: never;
        /**
         * Create a Wholesale Billing Report
         * @description Generate a wholesale billing reconciliation report. The report starts IN_PROGRESS and becomes COMPLETED (with a `tempDownloadURL`) or FAILED (with `errors`). Dates must be within the last five years and before today (the current day and future dates are rejected), with `billingStartDate` ≤ `billingEndDate`; a violation is a 400 whose message names the field. A second report with the same dates, type, sub-partner and `internal` flag while one is IN_PROGRESS or COMPLETED is a 409 (x-reconstructed, switchable: `duplicateCreate409`); a FAILED one may be recreated. Generation time and outcome are x-reconstructed options: `generation` (default `{kind: 'time', ms: 30000}`, i.e. 30 s of simulator time; also `{kind: 'polls', count}`, `{kind: 'immediate'}`, `{kind: 'manual'}`) and `failureRate` (default 0: no report ends FAILED unless forced through `/_sim/jobs`).
         */
        post: operations["createWholesaleBillingReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale/billing/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A report id: URL-safe base64 (unpadded) of `ciscospark://us/BILLING_REPORT/<uuid>`. A value that does not decode to such an id is a 400 (x-reconstructed, fixed: Cisco does not say); a well-formed id of another partner's report, or of the other report family, is a 404. */
                id: components["parameters"]["ReportIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get a Wholesale Billing Report
         * @description Retrieve one report of the caller's partner organization; a report of another partner is a 404. Each GET counts as a poll when generation is configured in polls. `tempDownloadURL` is present only when COMPLETED (signed at this GET, valid for `downloadUrlTtlSeconds`, default 3600 s = 1 h — x-reconstructed); `errors` only when FAILED.
         */
        get: operations["getWholesaleBillingReport"];
        put?: never;
        post?: never;
        /**
         * Delete a Wholesale Billing Report
         * @description Delete a report. While it is IN_PROGRESS the answer is 423 Locked with Retry-After (x-reconstructed, switchable: `lockDeleteInProgress423`; Retry-After is the remaining generation time, or `lockRetryAfterSeconds`).
         */
        delete: operations["deleteWholesaleBillingReport"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BroadWorksBillingReportsListResponse: {
            items: components["schemas"]["BroadWorksListReport"][];
        };
        BroadWorksCreateRequest: {
            /** @description The year and month (`YYYY-MM`) the report covers. */
            billingPeriod: components["schemas"]["Month"];
        };
        BroadWorksListReport: {
            billingPeriod: components["schemas"]["Month"];
            id: components["schemas"]["WebexId"];
            status: components["schemas"]["ReportStatus"];
        };
        BroadWorksReport: {
            billingPeriod: components["schemas"]["Month"];
            /** Format: date-time */
            created: string;
            createdBy: components["schemas"]["WebexId"];
            errors?: components["schemas"]["ReportError"][];
            id: components["schemas"]["WebexId"];
            status: components["schemas"]["ReportStatus"];
            /**
             * Format: uri
             * @description Signed, expiring URL of the CSV; present only when COMPLETED. x-reconstructed lifetime: option `downloadUrlTtlSeconds`, default 3600 (1 h), counted from the GET that returned it.
             */
            tempDownloadURL?: string;
        } & components["schemas"]["StatusDependentFields"];
        BroadWorksReportId: {
            id: components["schemas"]["WebexId"];
        };
        /**
         * @description A calendar date, `YYYY-MM-DD`.
         * @example 2026-10-01
         */
        Date: string;
        /** @description Webex's error envelope. `trackingId` equals the response's TrackingID header. */
        Error: {
            errorCode?: number;
            errors: {
                description: string;
                errorCode?: number;
            }[];
            message: string;
            trackingId: string;
        };
        /**
         * @description A year and month, `YYYY-MM`.
         * @example 2026-10
         */
        Month: string;
        /**
         * @description The report category. The simulator always creates RECONCILIATION reports (the documented default; x-reconstructed, fixed — there is no request field or option to get another); POINT_IN_TIME is declared because Webex lists it.
         * @enum {string}
         */
        ReportCategory: "RECONCILIATION" | "POINT_IN_TIME";
        ReportError: {
            /** @description An error code that identifies the reason (e.g. 2024 "Billing Report not found."). x-reconstructed, fixed: a failed generation always carries 2050 "Billing report generation failed. Create the report again." (a failure forced through `/_sim/jobs/<id>/advance` with a numeric error code shows that code instead). */
            code: number;
            /** @description A textual representation of the error code. */
            description: string;
        };
        /**
         * @description Lifecycle: IN_PROGRESS → COMPLETED (tempDownloadURL set) or FAILED (errors filled).
         * @enum {string}
         */
        ReportStatus: "IN_PROGRESS" | "COMPLETED" | "FAILED";
        /** @description tempDownloadURL exactly when COMPLETED; errors exactly when FAILED. */
        StatusDependentFields: unknown & unknown;
        /**
         * @description URL-safe base64 (unpadded) of a `ciscospark://` URI.
         * @example Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzFlYjY1ZmRmLTk2NDMtNDE3Zi05OTc0LWFkNzJjYWUwZTEwZg
         */
        WebexId: string;
        WholesaleBillingReportsListResponse: {
            items: components["schemas"]["WholesaleListReport"][];
        };
        WholesaleCreateRequest: {
            /** @description Last day of the billing period (`YYYY-MM-DD`), on or after the start. */
            billingEndDate: components["schemas"]["Date"];
            /** @description First day of the billing period (`YYYY-MM-DD`). */
            billingStartDate: components["schemas"]["Date"];
            /**
             * @description x-reconstructed meaning (Cisco gives none): true adds the partner's internal lab organization (`<partner name> Lab`, one per partner in the seeded data) to the report's customers; default false leaves it out.
             * @default false
             */
            internal: boolean;
            /** @description The organization id of a sub-partner of the caller; the report then covers only that sub-partner's customers. An id that is not a Webex organization id, or not one of the caller's sub-partners, is a 400 (x-reconstructed, fixed). Default: absent (the whole partner). */
            subPartnerOrgId?: string;
            /** @description Create a report of this type. Default PARTNER. */
            type?: components["schemas"]["WholesaleReportType"];
        };
        WholesaleListReport: {
            billingEndDate: components["schemas"]["Date"];
            billingStartDate: components["schemas"]["Date"];
            category: components["schemas"]["ReportCategory"];
            id: components["schemas"]["WebexId"];
            status: components["schemas"]["ReportStatus"];
            type: components["schemas"]["WholesaleReportType"];
        };
        WholesaleReport: {
            billingEndDate: components["schemas"]["Date"];
            billingStartDate: components["schemas"]["Date"];
            category: components["schemas"]["ReportCategory"];
            /**
             * Format: date-time
             * @description When the report was requested (ISO 8601 with milliseconds, UTC).
             */
            created: string;
            /** @description The person id of the partner administrator who created the report. */
            createdBy: components["schemas"]["WebexId"];
            /** @description Errors of the asynchronous generation; present only when FAILED. */
            errors?: components["schemas"]["ReportError"][];
            id: components["schemas"]["WebexId"];
            status: components["schemas"]["ReportStatus"];
            /**
             * Format: uri
             * @description Signed, expiring URL of the CSV; present only when COMPLETED. x-reconstructed lifetime: option `downloadUrlTtlSeconds`, default 3600 (1 h), counted from the GET that returned it; each GET signs a fresh URL.
             */
            tempDownloadURL?: string;
            type: components["schemas"]["WholesaleReportType"];
        } & components["schemas"]["StatusDependentFields"];
        WholesaleReportId: {
            billingEndDate: components["schemas"]["Date"];
            billingStartDate: components["schemas"]["Date"];
            category: components["schemas"]["ReportCategory"];
            id: components["schemas"]["WebexId"];
            type: components["schemas"]["WholesaleReportType"];
        };
        /** @enum {string} */
        WholesaleReportType: "PARTNER" | "CUSTOMER" | "USER";
    };
    responses: {
        /** @description Injected fault. */
        BadGateway: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request is malformed: a bad date, enum, id, cursor or body, malformed JSON. The message names the field; every problem is one entry of `errors`. */
        BadRequest: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A report with the same parameters is already IN_PROGRESS or COMPLETED (x-reconstructed, switchable). */
        Conflict: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The report as CSV (UTF-8, header row, LF line ends), streamed. */
        CsvFile: {
            headers: {
                "Cache-Control"?: string;
                "Content-Disposition": string;
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "text/csv": string;
            };
        };
        /** @description The token lacks the operation's scope; or, on a download URL, the signature is missing, tampered or expired. */
        Forbidden: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Injected fault ("reduce max"). */
        GatewayTimeout: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The resource is no longer available (injected faults only). */
        Gone: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Something went wrong (or an injected fault). */
        InternalServerError: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The report is IN_PROGRESS and cannot be deleted yet; Retry-After says when to try again (x-reconstructed, switchable). Also produced by injected faults. */
        Locked: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The path exists but not with this method. */
        MethodNotAllowed: {
            headers: {
                Allow: components["headers"]["Allow"];
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such report for the caller's partner organization (including reports of other partners), no such file, or no such route. */
        NotFound: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Any other error status (injected faults), in the Webex envelope. */
        OtherError: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body exceeds the limit (64 KiB by default). */
        PayloadTooLarge: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Declared by Webex for file scanning; produced by injected faults only. */
        PreconditionRequired: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Injected fault; Retry-After when the fault gives one. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limited (x-reconstructed numbers: 300 requests per minute per token by default, configurable). The rate limiter always sends Retry-After, the seconds until the window resets; an injected 429 fault may leave it out to exercise a client's own back-off. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The bearer token is missing or unknown. */
        Unauthorized: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is not application/json. */
        UnsupportedMediaType: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                TrackingID: components["headers"]["TrackingID"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description Unix time (seconds) after which the URL is refused. */
        Expires: string;
        /** @description Id of the signing key. */
        KeyPairId: string;
        /** @description The partner organization's uuid. */
        OrgUuidPath: string;
        /** @description A report id: URL-safe base64 (unpadded) of `ciscospark://us/BILLING_REPORT/<uuid>`. A value that does not decode to such an id is a 400 (x-reconstructed, fixed: Cisco does not say); a well-formed id of another partner's report, or of the other report family, is a 404. */
        ReportIdPath: string;
        /** @description URL signature (CloudFront-style URL-safe base64). */
        Signature: string;
        /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
        TrackingIdRequest: string;
    };
    requestBodies: never;
    headers: {
        /** @description The methods the path supports. */
        Allow: string;
        /** @description RFC 5988 pagination link to the next page (absolute URL keeping every filter), present only when more results exist. */
        Link: string;
        /** @description Seconds to wait before retrying. */
        RetryAfter: number;
        /** @description Request tracking id; the client's own when it sent one, else `ROUTER_<UUID>`. */
        TrackingID: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    downloadBroadWorksBillingReport: {
        parameters: {
            query: {
                /** @description Unix time (seconds) after which the URL is refused. */
                Expires: components["parameters"]["Expires"];
                /** @description Id of the signing key. */
                "Key-Pair-Id": components["parameters"]["KeyPairId"];
                /** @description URL signature (CloudFront-style URL-safe base64). */
                Signature: components["parameters"]["Signature"];
            };
            header?: never;
            path: {
                day: string;
                /** @description `<file-uuid>.csv` */
                fileName: string;
                month: string;
                /** @description The partner organization's uuid. */
                orgUuid: components["parameters"]["OrgUuidPath"];
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            200: components["responses"]["CsvFile"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    downloadWholesaleBillingReport: {
        parameters: {
            query: {
                /** @description Unix time (seconds) after which the URL is refused. */
                Expires: components["parameters"]["Expires"];
                /** @description Id of the signing key. */
                "Key-Pair-Id": components["parameters"]["KeyPairId"];
                /** @description URL signature (CloudFront-style URL-safe base64). */
                Signature: components["parameters"]["Signature"];
            };
            header?: never;
            path: {
                /** @description `<file-uuid>.csv` */
                fileName: string;
                /** @description The partner organization's uuid. */
                orgUuid: components["parameters"]["OrgUuidPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            200: components["responses"]["CsvFile"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listBroadWorksBillingReports: {
        parameters: {
            query?: {
                /** @description Only include billing reports created after this date. */
                after?: string;
                /** @description Only include billing reports created before this date. */
                before?: string;
                /** @description Sort the reports (ascending). */
                sortBy?: "id" | "status" | "billingPeriod";
            };
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description The reports. */
            200: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadWorksBillingReportsListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createBroadWorksBillingReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BroadWorksCreateRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description The report was accepted and is being generated. */
            200: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BroadWorksReportId"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getBroadWorksBillingReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path: {
                /** @description A report id: URL-safe base64 (unpadded) of `ciscospark://us/BILLING_REPORT/<uuid>`. A value that does not decode to such an id is a 400 (x-reconstructed, fixed: Cisco does not say); a well-formed id of another partner's report, or of the other report family, is a 404. */
                id: components["parameters"]["ReportIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description The report. */
            200: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzFlYjY1ZmRmLTk2NDMtNDE3Zi05OTc0LWFkNzJjYWUwZTEwZg",
                     *       "billingPeriod": "2026-10",
                     *       "status": "COMPLETED",
                     *       "created": "2026-11-01T08:00:00.000Z",
                     *       "createdBy": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8xZWI2NWZkZi05NjQzLTQxN2YtOTk3NC1hZDcyY2FlMGUxMGY",
                     *       "tempDownloadURL": "https://billing-reports-int-us-east-1.webexcontent.com/1eb65fdf-9643-417f-9974-ad72cae0e10f/2026/11/01/1eb65fdf-9643-417f-9974-ad72cae0e10f.csv?Expires=1793520000&Signature=abc&Key-Pair-Id=APKAEXAMPLE"
                     *     }
                     */
                    "application/json": components["schemas"]["BroadWorksReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteBroadWorksBillingReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path: {
                /** @description A report id: URL-safe base64 (unpadded) of `ciscospark://us/BILLING_REPORT/<uuid>`. A value that does not decode to such an id is a 400 (x-reconstructed, fixed: Cisco does not say); a well-formed id of another partner's report, or of the other report family, is a 404. */
                id: components["parameters"]["ReportIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description Deleted; no body. */
            204: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listWholesaleBillingReports: {
        parameters: {
            query?: {
                /** @description Only include billing reports having this billing end date (`YYYY-MM-DD`). */
                billingEndDate?: components["schemas"]["Date"];
                /** @description Only include billing reports having this billing start date (`YYYY-MM-DD`). */
                billingStartDate?: components["schemas"]["Date"];
                /** @description Opaque position taken from a `Link rel="next"` URL; clients never build it. */
                cursor?: string;
                /** @description Limit the number of reports in one page, up to 100 (the default). Larger values are clamped to 100; zero, negative or non-integer values are a 400. */
                max?: number;
                /** @description Sort the reports (ascending). */
                sortBy?: "id" | "billingStartDate" | "billingEndDate" | "status";
                /** @description Only include reports in this status. */
                status?: components["schemas"]["ReportStatus"];
                /** @description Only include reports created for this sub-partner organization id. A value that is not a Webex organization id is a 400; a well-formed id of an organization that is not the caller's sub-partner matches no report (x-reconstructed, fixed). */
                subPartnerOrgId?: string;
                /** @description Only include reports of this type. */
                type?: components["schemas"]["WholesaleReportType"];
            };
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description One page of reports. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WholesaleBillingReportsListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createWholesaleBillingReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WholesaleCreateRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description The report was accepted and is being generated. */
            200: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WholesaleReportId"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getWholesaleBillingReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path: {
                /** @description A report id: URL-safe base64 (unpadded) of `ciscospark://us/BILLING_REPORT/<uuid>`. A value that does not decode to such an id is a 400 (x-reconstructed, fixed: Cisco does not say); a well-formed id of another partner's report, or of the other report family, is a 404. */
                id: components["parameters"]["ReportIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description The report. */
            200: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzFlYjY1ZmRmLTk2NDMtNDE3Zi05OTc0LWFkNzJjYWUwZTEwZg",
                     *       "billingStartDate": "2026-10-01",
                     *       "billingEndDate": "2026-10-31",
                     *       "type": "PARTNER",
                     *       "category": "RECONCILIATION",
                     *       "created": "2026-11-01T08:00:00.000Z",
                     *       "createdBy": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8xZWI2NWZkZi05NjQzLTQxN2YtOTk3NC1hZDcyY2FlMGUxMGY",
                     *       "status": "COMPLETED",
                     *       "tempDownloadURL": "https://billing-reports-int-us-east-1.webexcontent.com/1eb65fdf-9643-417f-9974-ad72cae0e10f/WHOLESALE/1eb65fdf-9643-417f-9974-ad72cae0e10f.csv?Expires=1793520000&Signature=abc&Key-Pair-Id=APKAEXAMPLE"
                     *     }
                     */
                    "application/json": components["schemas"]["WholesaleReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteWholesaleBillingReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description A client tracking id; echoed in the response's TrackingID header and error bodies. */
                TrackingID?: components["parameters"]["TrackingIdRequest"];
            };
            path: {
                /** @description A report id: URL-safe base64 (unpadded) of `ciscospark://us/BILLING_REPORT/<uuid>`. A value that does not decode to such an id is a 400 (x-reconstructed, fixed: Cisco does not say); a well-formed id of another partner's report, or of the other report family, is a 404. */
                id: components["parameters"]["ReportIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description Deleted; no body. */
            204: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            423: components["responses"]["Locked"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
}
