/**
 * The nine response examples of Cisco's official OpenAPI files (webex/webex-openapi-specs,
 * public-spec/webex-wholesale.json and webex-broadworks.json, snapshot 2026-05-04), their values
 * restated as test data: six attached to responses, three to component schemas. The project's
 * vendor view must accept every one of them (the files themselves are not copied into the project).
 */
export interface CiscoExample {
  source: string;
  label: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export const CISCO_EXAMPLES: CiscoExample[] = [
  {
    source: 'webex-wholesale.json',
    label: 'GET /wholesale/billing/reports 200 response example',
    method: 'GET',
    path: '/v1/wholesale/billing/reports',
    status: 200,
    body: {
      items: [
        {
          id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
          billingStartDate: '2021-05-21',
          billingEndDate: '2021-05-30',
          status: 'COMPLETED',
          type: 'PARTNER',
        },
        {
          id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2Zh2B',
          billingStartDate: '2021-05-21',
          billingEndDate: '2021-05-30',
          status: 'COMPLETED',
          type: 'PARTNER',
        },
        {
          id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2Zh5D',
          billingStartDate: '2021-05-21',
          billingEndDate: '2021-05-30',
          status: 'COMPLETED',
          type: 'PARTNER',
        },
      ],
    },
  },
  {
    source: 'webex-wholesale.json',
    label: 'POST /wholesale/billing/reports 200 response example',
    method: 'POST',
    path: '/v1/wholesale/billing/reports',
    status: 200,
    body: {
      id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
      billingStartDate: '2021-05-21',
      billingEndDate: '2021-05-30',
      type: 'PARTNER',
      internal: true,
    },
  },
  {
    source: 'webex-wholesale.json',
    label: 'GET /wholesale/billing/reports/{id} 200 response example',
    method: 'GET',
    path: '/v1/wholesale/billing/reports/Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
    status: 200,
    body: {
      id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
      billingStartDate: '2021-05-21',
      billingEndDate: '2021-05-30',
      type: 'PARTNER',
      created: '2021-06-16T12:40:33.109Z',
      createdBy: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wYWNkMzg3NS00ZTEyLTRkNzctYjk4MS1lMzg5ZmQ4ODQ2YzA',
      status: 'COMPLETED',
      tempDownloadURL:
        'https://billing-reports-int-us-east-1.webexcontent.com/a366de9b-3204-4140-8181-25808d360e36/WHOLESALE/340177d1-7f25-41e1-a39f-ad63ec1103a5.csv?Expires=1624978489&Signature=Syp3vrVeMx4P6MeMtm8e1bQaeAdHFe-c7NeHERWh5-qJGLZ1T8Dvl2ee-M8OsFf~z6Yepz94e2Hh1HDVailD0Uryl8SgiM~jl0cBh7L0PmSe~i9oFA0eJ0MulkqGSMVf7ZHhxY55xYMgIBZIERkWm3CqQNDg5BS4EaXapKfOnmFegf36OokCM63m5uOK8-csk08IkZhwo2Z0l1JMtuWYEaLh4dgMHoe~xgH3YmDSSCWInFYaEifUAfgi2YAYS6nP9Zq4BTliBq62XBaehOE1gBrhy4RdwD-3WSs2oD-BdpoRpuGzo3FZzDLVEvd0S2D6gTcHljOHodQKxe-u0BXPWQ__&Key-Pair-Id=APKAJADAKLCI2FW2U32Q',
    },
  },
  {
    source: 'webex-broadworks.json',
    label: 'GET /broadworks/billing/reports 200 response example',
    method: 'GET',
    path: '/v1/broadworks/billing/reports',
    status: 200,
    body: {
      items: [
        {
          id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
          billingPeriod: '2021-05',
          status: 'IN_PROGRESS',
        },
        {
          id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2Zh2B',
          billingPeriod: '2021-04',
          status: 'COMPLETED',
        },
        {
          id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2Zh5D',
          billingPeriod: '2021-03',
          status: 'FAILED',
        },
      ],
    },
  },
  {
    source: 'webex-broadworks.json',
    label: 'POST /broadworks/billing/reports 200 response example',
    method: 'POST',
    path: '/v1/broadworks/billing/reports',
    status: 200,
    body: {
      id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
    },
  },
  {
    source: 'webex-broadworks.json',
    label: 'GET /broadworks/billing/reports/{id} 200 response example',
    method: 'GET',
    path: '/v1/broadworks/billing/reports/Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
    status: 200,
    body: {
      id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
      billingPeriod: '2021-05',
      status: 'COMPLETED',
      created: '2021-06-16T12:40:33.109Z',
      createdBy: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wYWNkMzg3NS00ZTEyLTRkNzctYjk4MS1lMzg5ZmQ4ODQ2YzA',
      tempDownloadURL:
        'https://billing-reports-example.webexcontent.com/a366de9b-3204-4140-8181-25808d360e36/2021/06/16/340177d1-7f25-41e1-a39f-ad63ec1103a5.csv?Expires=1624978489&Signature=Syp3vrVeMx4P6MeMtm8e1bQaeAdHFe-c7NeHERWh5-qJGLZ1T8Dvl2ee-M8OsFf~z6Yepz94e2Hh1HDVailD0Uryl8SgiM~jl0cBh7L0PmSe~i9oFA0eJ0MulkqGSMVf7ZHhxY55xYMgIBZIERkWm3CqQNDg5BS4EaXapKfOnmFegf36OokCM63m5uOK8-csk08IkZhwo2Z0l1JMtuWYEaLh4dgMHoe~xgH3YmDSSCWInFYaEifUAfgi2YAYS6nP9Zq4BTliBq62XBaehOE1gBrhy4RdwD-3WSs2oD-BdpoRpuGzo3FZzDLVEvd0S2D6gTcHljOHodQKxe-u0BXPWQ__&Key-Pair-Id=APKAJADAKLCI2FW2U32Q',
    },
  },
  {
    source: 'webex-wholesale.json',
    label: 'schema WholesaleBillingReportsListResponse example',
    method: 'GET',
    path: '/v1/wholesale/billing/reports',
    status: 200,
    body: {
      items: [
        {
          id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
          billingStartDate: '2021-05-21',
          billingEndDate: '2021-05-30',
          type: 'PARTNER',
          category: 'RECONCILIATION',
          created: '2021-06-16T12:40:33.109Z',
          createdBy: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wYWNkMzg3NS00ZTEyLTRkNzctYjk4MS1lMzg5ZmQ4ODQ2YzA',
          status: 'COMPLETED',
          tempDownloadURL: 'https://billing-reports-int-us-east-1.webexcontent.com/sample.csv',
        },
      ],
    },
  },
  {
    source: 'webex-wholesale.json',
    label: 'schema ReportId example',
    method: 'POST',
    path: '/v1/wholesale/billing/reports',
    status: 200,
    body: {
      id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
      billingStartDate: '2021-05-21',
      billingEndDate: '2021-05-30',
      type: 'PARTNER',
      category: 'RECONCILIATION',
    },
  },
  {
    source: 'webex-wholesale.json',
    label: 'schema Report example',
    method: 'GET',
    path: '/v1/wholesale/billing/reports/Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
    status: 200,
    body: {
      id: 'Y2lzY29zcGFyazovL3VzL0JJTExJTkdfUkVQT1JULzViOGQ1MThhLThmMDAtNDUxYi1hNDA2LWVhZjQ5YjRhN2ZhOA',
      billingStartDate: '2021-05-21',
      billingEndDate: '2021-05-30',
      reportType: 'PARTNER',
      category: 'RECONCILIATION',
      createdBy: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wYWNkMzg3NS00ZTEyLTRkNzctYjk4MS1lMzg5ZmQ4ODQ2YzA',
      status: 'COMPLETED',
      tempDownloadURL: 'https://billing-reports-int-us-east-1.webexcontent.com/sample.csv',
      errors: [],
    },
  },
];
