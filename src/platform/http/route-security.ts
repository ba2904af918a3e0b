/** OpenAPI security of a route open to a signed-in caller: a bearer token or the browser's session cookie. */
export const SIGNED_IN: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
