"""The service's own errors (HTTP-level: route, method, media type, size, token, time), typed
like the library's, and the one envelope every error response has: ``{"error": record}``
holding the library's error record (``sandbox_rules.errors.ErrorRecord``, schema ``error``)."""

from __future__ import annotations

import msgspec

from sandbox_rules.errors import (
    ErrorRecord,
    FieldError,
    SandboxRulesError,
    UnknownCitationError,
    UnknownRuleError,
)


class HttpError(SandboxRulesError):
    """A request the service refuses before or around the library call. Its message is a key
    of the message tables (``http.*``), so the envelope carries it in English (``message``)
    and in Vietnamese (``message_vi``) like every other error. ``errors`` say which part of
    the request is at fault and, where it helps, the nearest valid value."""

    status = 400
    title_vi = "Yêu cầu HTTP bị dịch vụ từ chối"
    title_en = "An HTTP request the service refuses"

    def __init__(
        self,
        key: str,
        /,
        *,
        headers: dict[str, str] | None = None,
        errors: tuple[FieldError, ...] = (),
        **fields: object,
    ) -> None:
        from sandbox_rules.i18n import t

        super().__init__(t(key, "en", **fields))
        self._localise(key, fields)
        self.headers = headers or {}
        self.errors = errors

    def record(self) -> ErrorRecord:
        return msgspec.structs.replace(super().record(), errors=self.errors)


class MalformedBodyError(HttpError):
    code = "malformed_body"
    title_vi = "Nội dung yêu cầu sai dạng (không phải JSON, không phải UTF-8)"
    title_en = "A malformed request body (not JSON, not UTF-8)"
    status = 400


class UnauthorizedError(HttpError):
    code = "unauthorized"
    title_vi = "Thiếu hoặc sai mã truy cập (bearer token)"
    title_en = "A missing or wrong bearer token"
    status = 401


class NotFoundError(HttpError):
    code = "not_found"
    title_vi = "Không có đường dẫn này"
    title_en = "No such path"
    status = 404


class MethodNotAllowedError(HttpError):
    code = "method_not_allowed"
    title_vi = "Phương thức HTTP không được phép ở đường dẫn này"
    title_en = "An HTTP method not allowed on this path"
    status = 405


class NotAcceptableError(HttpError):
    code = "not_acceptable"
    title_vi = "Không trả được định dạng được yêu cầu (Accept)"
    title_en = "The requested format (Accept) cannot be produced"
    status = 406


class PayloadTooLargeError(HttpError):
    code = "payload_too_large"
    title_vi = "Nội dung yêu cầu vượt giới hạn kích thước"
    title_en = "A request body over the size limit"
    status = 413


class UnsupportedMediaTypeError(HttpError):
    code = "unsupported_media_type"
    title_vi = "Kiểu nội dung (Content-Type) không được hỗ trợ"
    title_en = "An unsupported Content-Type"
    status = 415


class TimeLimitError(HttpError):
    code = "time_limit"
    title_vi = "Yêu cầu vượt thời gian xử lý cho phép"
    title_en = "A request over the time limit"
    status = 503


class InternalError(HttpError):
    """A bug: logged by the server, answered without any detail of the code."""

    code = "internal_error"
    title_vi = "Lỗi nội bộ của dịch vụ (đã ghi nhật ký)"
    title_en = "An internal error of the service (logged)"
    status = 500


STATUSES = {
    400: "Malformed body (not JSON, not UTF-8)",
    401: "Missing or wrong bearer token (only when SANDBOX_RULES_TOKEN is set)",
    404: "Unknown route, citation or rule",
    405: "Method not allowed on this route",
    406: "None of the media types in Accept can be produced",
    413: "Body larger than the limit",
    415: "Content-Type is not application/json",
    422: "Input the library cannot use: the record names each field at fault",
    503: "The per-request time limit ran out",
}


def status_of(exc: SandboxRulesError) -> int:
    """HTTP status of a library error: a name that resolves to nothing is 404, any other input
    the rules cannot use 422 (including errors of the rules' data, which name the clause)."""
    if isinstance(exc, HttpError):
        return exc.status
    if isinstance(exc, UnknownCitationError | UnknownRuleError):
        return 404
    return 422


def envelope(exc: SandboxRulesError) -> bytes:
    """The body of every error response: the error's record, its message in English and in
    Vietnamese whatever the request's language (``Content-Language`` names that one)."""
    return msgspec.json.encode({"error": exc.record()})


def at(
    field: str, key: str, suggestion: str | None = None, **fields: object
) -> tuple[FieldError, ...]:
    """The part of the request at fault (a header, the path, a parameter) and what is wrong
    with it: the message ``key`` of the tables, in English and in Vietnamese."""
    return (field_error(field, key, suggestion, **fields),)


def field_error(
    field: str, key: str, suggestion: str | None = None, **fields: object
) -> FieldError:
    from sandbox_rules.i18n import t

    return FieldError(
        field=field,
        msg=t(key, "en", **fields),
        msg_vi=t(key, "vi", **fields),
        suggestion=suggestion,
    )
