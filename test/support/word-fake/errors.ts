/** Errors shaped like OfficeExtension.Error (name "RichApi.Error", code, message). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const officeError = {
  propertyNotLoaded: (what: string) =>
    new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
    ),
  itemNotFound: (what: string) =>
    new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${what}.`),
  accessDenied: (what: string) =>
    new FakeOfficeError("AccessDenied", `You cannot perform the requested operation: ${what}.`),
  apiNotFound: (what: string, set: string) =>
    new FakeOfficeError(
      "ApiNotFound",
      `The API you are trying to use could not be found (${what} needs ${set}).`
    ),
  invalidArgument: (what: string) =>
    new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: ${what}.`),
  searchTooLong: () =>
    new FakeOfficeError(
      "SearchStringInvalidOrTooLong",
      "The search string is invalid or longer than 255 characters."
    ),
  notModelled: (what: string) =>
    new FakeOfficeError("NotModelled", `The Word fake does not model ${what}.`),
  invalidObjectPath: (what: string) =>
    new FakeOfficeError(
      "InvalidObjectPath",
      `The object path '${what}' isn't working for what you're trying to do.`
    ),
};
