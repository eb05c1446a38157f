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
         * @description The CSV of a COMPLETED wholesale report, on the download host (its own listener, like Webex's CloudFront host), streamed. No bearer token: the URL is the credential. The signature is an HMAC-SHA256 over the object path, `Expires` and `Key-Pair-Id` with the kernel's signing secret. Failures come the CloudFront way, in XML and without TrackingID: 403 MissingKey / InvalidKey ("Unknown Key") / AccessDenied (missing, tampered or expired signature), 404 NoSuchKey for a deleted report. `Range: bytes=…` gets 206 with Content-Range (one range; several or a malformed header get the whole file), a range past the end 416; HEAD gets the headers; If-None-Match with the ETag 304. Column layouts: contracts/csv/webex-wholesale-{partner,customer,user}.csv.yaml.
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
    "/v1/access_token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get or refresh an access token
         * @description `grant_type=authorization_code` (with `code`, optional `redirect_uri`) or `grant_type=refresh_token` (with `refresh_token`), plus `client_id` and `client_secret`, as a form. Access tokens expire on the simulator clock after `accessTokenLifetimeSeconds` (default 1209600, 14 days); refresh tokens after `refreshTokenLifetimeSeconds` (default 7776000, 90 days), renewed by every refresh (x-reconstructed lifetimes). Tokens are signed with the kernel's signing secret, not stored. An expired access token answers 401 on every report operation. The demo tokens of `partners` and an integration's `demoRefreshToken` never expire.
         */
        post: operations["accessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorize an integration (the consent step)
         * @description The simulator consents at once, as the administrator who registered the integration (option `integrations`), and redirects to `redirect_uri` with `code` (and `state`). Codes live 10 minutes and open one token exchange (x-reconstructed, fixed).
         */
        get: operations["authorizeIntegration"];
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
         * @description Generate a monthly reconciliation report. `billingPeriod` must be a whole month before the current one and within the last five years (x-reconstructed). Scenario option `duplicateCreate409` (off by default): a second report for the same month while one is IN_PROGRESS or COMPLETED is a 409. Generation time and outcome are x-reconstructed options: `generation` (default `{kind: 'time', ms: 30000}`, 30 s of simulator time) and `failureRate` (default 0).
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
         * @description Delete a report. Scenario option `lockDeleteInProgress423` (x-reconstructed, off by default): 423 Locked with Retry-After while it is IN_PROGRESS.
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
         * @description Generate a wholesale billing reconciliation report. The report starts IN_PROGRESS and becomes COMPLETED (with a `tempDownloadURL`) or FAILED (with `errors`). Dates must be within the last five years and before today (the current day and future dates are rejected), with `billingStartDate` ≤ `billingEndDate`; a violation is a 400 whose message names the field. Every create makes a new report. Scenario option `duplicateCreate409` (x-reconstructed, off by default: Cisco documents no such rule): a second report with the same dates, type, sub-partner and `internal` flag while one is IN_PROGRESS or COMPLETED is a 409; a FAILED one may be recreated. Generation time and outcome are x-reconstructed options: `generation` (default `{kind: 'time', ms: 30000}`, i.e. 30 s of simulator time; also `{kind: 'polls', count}`, `{kind: 'immediate'}`, `{kind: 'manual'}`) and `failureRate` (default 0: no report ends FAILED unless forced through `/_sim/jobs`).
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
         * @description Delete a report, in any status. Scenario option `lockDeleteInProgress423` (x-reconstructed, off by default: Cisco documents no such rule): while the report is IN_PROGRESS the answer is 423 Locked with Retry-After (the remaining generation time, or `lockRetryAfterSeconds`).
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
        AccessTokenRequest: {
            client_id: string;
            client_secret: string;
            code?: string;
            /** @enum {string} */
            grant_type: "authorization_code" | "refresh_token";
            redirect_uri?: string;
            refresh_token?: string;
        };
        AccessTokenResponse: {
            access_token: string;
            /** @description Seconds until the access token expires. */
            expires_in: number;
            refresh_token: string;
            /** @description Seconds until the refresh token expires. */
            refresh_token_expires_in: number;
        };
        BroadWorksBillingReportsListResponse: {
            items: components["schemas"]["BroadWorksListReport"][];
        };
        BroadWorksCreateRequest: {
            /** @description The year and month (`YYYY-MM`, from 1970) the report covers: a month before the current one, within the last five years (x-request-rules). */
            billingPeriod: string;
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
        /**
         * @description `YYYY-MM-DD` or an ISO 8601 date-time with a zone (its UTC day); a day the calendar lacks is a 400 too.
         * @example 2025-01-01
         * @example 2025-01-01T00:00:00.000Z
         */
        DateFilter: string;
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
        /** @description The `internal` flag the report was created with, echoed on create (as in Cisco's create example), get and list. Cisco's schemas do not declare it on responses: the vendor view accepts it as one of the fields a response may add. */
        InternalFlag: boolean;
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
            /**
             * Format: date
             * @description Last day of the billing period (`YYYY-MM-DD`), on or after the start; same limits.
             */
            billingEndDate: string;
            /**
             * Format: date
             * @description First day of the billing period (`YYYY-MM-DD`), before today and within the last five years (x-request-rules).
             */
            billingStartDate: string;
            /**
             * @description x-reconstructed meaning (Cisco gives none): true adds the partner's internal lab organization (`<partner name> Lab`, one per partner in the seeded data) to the report's customers; default false leaves it out.
             * @default false
             */
            internal: boolean | null;
            /** @description The organization id of a sub-partner of the caller; the report then covers only that sub-partner's customers. An id that is not a Webex organization id, or not one of the caller's sub-partners, is a 400 (x-reconstructed, fixed). Default: absent (the whole partner). */
            subPartnerOrgId?: string | null;
            /** @description Create a report of this type. Default PARTNER; null reads as absent (x-reconstructed). */
            type?: components["schemas"]["WholesaleReportType"] | null;
        };
        WholesaleListReport: {
            billingEndDate: components["schemas"]["Date"];
            billingStartDate: components["schemas"]["Date"];
            category: components["schemas"]["ReportCategory"];
            id: components["schemas"]["WebexId"];
            internal: components["schemas"]["InternalFlag"];
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
            internal: components["schemas"]["InternalFlag"];
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
            internal: components["schemas"]["InternalFlag"];
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
        /** @description CloudFront refused the signed URL: `MissingKey` ("Missing Key-Pair-Id query parameter or cookie value"), `InvalidKey` ("Unknown Key") or `AccessDenied` ("Access denied": a missing, tampered or expired signature). XML, no TrackingID. */
        CdnAccessDenied: {
            headers: {
                Allow: components["headers"]["Allow"];
                "Content-Range"?: string;
                "Retry-After": components["headers"]["RetryAfter"];
                Server: components["headers"]["CdnServer"];
                Via: components["headers"]["CdnVia"];
                "X-Amz-Cf-Id": components["headers"]["CdnRequestId"];
                "X-Amz-Cf-Pop": components["headers"]["CdnPop"];
                "X-Cache": components["headers"]["CdnCache"];
                [name: string]: unknown;
            };
            content: {
                "application/xml": string;
            };
        };
        /** @description Another CloudFront/S3 error in XML: 405 MethodNotAllowed (only GET and HEAD), 416 InvalidRange (with `Content-Range: bytes *\/<length>`), 500 InternalError; any status injected by a fault rule (the kernel's fault store covers the download host too). */
        CdnError: {
            headers: {
                Allow: components["headers"]["Allow"];
                "Content-Range"?: string;
                "Retry-After": components["headers"]["RetryAfter"];
                Server: components["headers"]["CdnServer"];
                Via: components["headers"]["CdnVia"];
                "X-Amz-Cf-Id": components["headers"]["CdnRequestId"];
                "X-Amz-Cf-Pop": components["headers"]["CdnPop"];
                "X-Cache": components["headers"]["CdnCache"];
                [name: string]: unknown;
            };
            content: {
                "application/xml": string;
            };
        };
        /** @description The file is gone (its report was deleted): S3's `NoSuchKey`, XML, no TrackingID. */
        CdnNoSuchKey: {
            headers: {
                Allow: components["headers"]["Allow"];
                "Content-Range"?: string;
                "Retry-After": components["headers"]["RetryAfter"];
                Server: components["headers"]["CdnServer"];
                Via: components["headers"]["CdnVia"];
                "X-Amz-Cf-Id": components["headers"]["CdnRequestId"];
                "X-Amz-Cf-Pop": components["headers"]["CdnPop"];
                "X-Cache": components["headers"]["CdnCache"];
                [name: string]: unknown;
            };
            content: {
                "application/xml": string;
            };
        };
        /** @description Scenario option `duplicateCreate409` (x-reconstructed, off by default): a report with the same parameters is already IN_PROGRESS or COMPLETED. Also produced by injected faults. */
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
                "Accept-Ranges"?: "bytes";
                "Content-Disposition": string;
                "Content-Length": number;
                ETag: string;
                "Last-Modified": string;
                Server: components["headers"]["CdnServer"];
                Via: components["headers"]["CdnVia"];
                "X-Amz-Cf-Id": components["headers"]["CdnRequestId"];
                "X-Amz-Cf-Pop": components["headers"]["CdnPop"];
                "X-Cache": components["headers"]["CdnCache"];
                [name: string]: unknown;
            };
            content: {
                "text/csv": string;
            };
        };
        /** @description If-None-Match named the file's ETag; no body. */
        CsvFileNotModified: {
            headers: {
                "Accept-Ranges"?: "bytes";
                "Content-Disposition"?: string;
                ETag: string;
                "Last-Modified"?: string;
                Server: components["headers"]["CdnServer"];
                Via: components["headers"]["CdnVia"];
                "X-Amz-Cf-Id": components["headers"]["CdnRequestId"];
                "X-Amz-Cf-Pop": components["headers"]["CdnPop"];
                "X-Cache": components["headers"]["CdnCache"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description One byte range of the CSV (`Range: bytes=…`). */
        CsvFileRange: {
            headers: {
                "Accept-Ranges"?: "bytes";
                "Content-Disposition"?: string;
                "Content-Length": number;
                "Content-Range": string;
                ETag?: string;
                "Last-Modified"?: string;
                Server: components["headers"]["CdnServer"];
                Via: components["headers"]["CdnVia"];
                "X-Amz-Cf-Id": components["headers"]["CdnRequestId"];
                "X-Amz-Cf-Pop": components["headers"]["CdnPop"];
                "X-Cache": components["headers"]["CdnCache"];
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
        /** @description Scenario option `lockDeleteInProgress423` (x-reconstructed, off by default): the report is IN_PROGRESS and cannot be deleted yet; Retry-After says when to try again. Also produced by injected faults. */
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
        /** @description `Miss from cloudfront`, `Hit from cloudfront` or `Error from cloudfront`. */
        CdnCache: string;
        CdnPop: string;
        /** @description CloudFront's request id (seeded, in request order). */
        CdnRequestId: string;
        /** @description `CloudFront` on refusals of the signed URL, `AmazonS3` when the origin answered. */
        CdnServer: string;
        CdnVia: string;
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
            "4XX": components["responses"]["CdnError"];
            "5XX": components["responses"]["CdnError"];
            200: components["responses"]["CsvFile"];
            206: components["responses"]["CsvFileRange"];
            304: components["responses"]["CsvFileNotModified"];
            403: components["responses"]["CdnAccessDenied"];
            404: components["responses"]["CdnNoSuchKey"];
            405: components["responses"]["CdnError"];
            416: components["responses"]["CdnError"];
            500: components["responses"]["CdnError"];
            503: components["responses"]["CdnError"];
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
            "4XX": components["responses"]["CdnError"];
            "5XX": components["responses"]["CdnError"];
            200: components["responses"]["CsvFile"];
            206: components["responses"]["CsvFileRange"];
            304: components["responses"]["CsvFileNotModified"];
            403: components["responses"]["CdnAccessDenied"];
            404: components["responses"]["CdnNoSuchKey"];
            405: components["responses"]["CdnError"];
            416: components["responses"]["CdnError"];
            500: components["responses"]["CdnError"];
            503: components["responses"]["CdnError"];
        };
    };
    accessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["AccessTokenRequest"];
            };
        };
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description The tokens. */
            200: {
                headers: {
                    TrackingID: components["headers"]["TrackingID"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["OtherError"];
            503: components["responses"]["OtherError"];
        };
    };
    authorizeIntegration: {
        parameters: {
            query: {
                client_id: string;
                redirect_uri?: string;
                response_type: "code";
                scope?: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            "4XX": components["responses"]["OtherError"];
            "5XX": components["responses"]["OtherError"];
            /** @description Redirect to the integration with `code`. */
            302: {
                headers: {
                    Location: string;
                    TrackingID: components["headers"]["TrackingID"];
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["OtherError"];
            413: components["responses"]["OtherError"];
            415: components["responses"]["OtherError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["OtherError"];
            503: components["responses"]["OtherError"];
        };
    };
    listBroadWorksBillingReports: {
        parameters: {
            query?: {
                /** @description Only include billing reports created after this date; same forms as before. */
                after?: string;
                /** @description Only include billing reports created before this date: `YYYY-MM`, `YYYY-MM-DD` or an ISO 8601 date-time with a zone; anything else (or a day the calendar lacks) is a 400. */
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
        /** @description A request without a body is read as `{}` (x-reconstructed). */
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
                /** @description Only include billing reports having this billing end date; same forms as billingStartDate (x-reconstructed). */
                billingEndDate?: components["schemas"]["DateFilter"];
                /** @description Only include billing reports having this billing start date. `YYYY-MM-DD`, or an ISO 8601 date-time with a zone (wxc_sdk sends `2025-01-01T00:00:00.000Z`), read as its UTC calendar day (x-reconstructed: Cisco types it a plain string). */
                billingStartDate?: components["schemas"]["DateFilter"];
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
        /** @description A request without a body is read as `{}` (its required fields then fail by name; x-reconstructed). */
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
