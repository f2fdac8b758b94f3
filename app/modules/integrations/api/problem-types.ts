/**
 * Every problem `type` the API answers, for the reference page: each gets an
 * anchor `#problem-<code>` that the `type` URL points at.
 */
export const PROBLEM_TYPES: { code: string; status: number; meaning: string }[] = [
  { code: "malformed_json", status: 400, meaning: "The body is not valid JSON." },
  {
    code: "idempotency_key_required",
    status: 400,
    meaning: "A POST without an Idempotency-Key header.",
  },
  { code: "token_missing", status: 401, meaning: "No `Authorization: Bearer` token was sent." },
  { code: "token_unknown", status: 401, meaning: "The token is not one Limelight issued." },
  { code: "token_revoked", status: 401, meaning: "The token was revoked by an admin." },
  { code: "token_expired", status: 401, meaning: "The token is past its expiry date." },
  {
    code: "missing_scope",
    status: 403,
    meaning: "The token lacks the scope this operation needs.",
  },
  {
    code: "forbidden",
    status: 403,
    meaning: "The policy does not allow this for the token's person.",
  },
  { code: "not_found", status: 404, meaning: "There is no such resource, or it is not visible." },
  { code: "method_not_allowed", status: 405, meaning: "The path exists but not with this method." },
  {
    code: "conflict",
    status: 409,
    meaning: "The change does not fit the current state (an unknown stage transition).",
  },
  {
    code: "idempotency_key_in_use",
    status: 409,
    meaning: "A request with this key is still running.",
  },
  { code: "unsupported_media_type", status: 415, meaning: "The body is not application/json." },
  {
    code: "invalid_fields",
    status: 422,
    meaning: "Fields need attention; `errors` holds one message per field.",
  },
  { code: "field_invalid", status: 422, meaning: "One field needs attention; see `errors`." },
  { code: "fields_invalid", status: 422, meaning: "Several fields need attention; see `errors`." },
  {
    code: "idempotency_key_reused",
    status: 422,
    meaning: "The key was used before with a different body.",
  },
  {
    code: "too_many_requests",
    status: 429,
    meaning: "The token's rate limit is reached; wait for Retry-After seconds.",
  },
  { code: "internal", status: 500, meaning: "Something failed on our side; nothing was changed." },
];
