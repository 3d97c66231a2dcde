"""OpenAPI post-processing: the error answers every operation can give, and the exports.

A drf-spectacular post-processing hook (a documented extension point) rather than repeating
`responses={400: ..., 401: ...}` on every view.
"""

from foreignaffairs.core.spreadsheets.cells import XLSX_CONTENT_TYPE

ERROR = {"$ref": "#/components/schemas/Error"}
VALIDATION_ERROR = {"$ref": "#/components/schemas/ValidationError"}

SCHEMAS = {
    "Error": {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "ValidationError": {
        "type": "object",
        "description": (
            "Tên tham số hoặc trường → danh sách lỗi; `non_field_errors` cho lỗi của cả bản ghi."
        ),
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
}

EXPORT_CONTENT = {
    "text/csv": {"schema": {"type": "string"}},
    XLSX_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}},
}


def json_response(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_responses(path: str, operation: dict) -> dict:
    parameters = {parameter["name"] for parameter in operation.get("parameters", [])}
    responses = {
        "401": json_response(
            "Chưa xác thực: thiếu khóa (`Authorization: Token <khóa>`), khóa sai hoặc đã bị "
            "thu hồi.",
            ERROR,
        ),
        "403": json_response(
            "Không được phép: khóa của sở, ngành chỉ được đọc; cán bộ cần quyền tương ứng.",
            ERROR,
        ),
        "429": json_response(
            "Quá số lần gọi cho phép của khóa; thử lại sau số giây trong header `Retry-After`.",
            ERROR,
        ),
    }
    if "requestBody" in operation or parameters - {"page", "page_size", "id"}:
        responses["400"] = json_response(
            "Dữ liệu hoặc tham số không hợp lệ (ví dụ giá trị lựa chọn không có, ngày sai "
            "định dạng); không có gì được lưu.",
            VALIDATION_ERROR,
        )
    if "{" in path:
        responses["404"] = json_response(
            "Không có bản ghi với id này (id là số nguyên dương).", ERROR
        )
    elif "page" in parameters:
        responses["404"] = json_response(
            "Không có trang này: `page` nhỏ hơn 1, không phải số nguyên hoặc sau trang cuối.",
            ERROR,
        )
    return responses


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {}).update(SCHEMAS)
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code, response in error_responses(path, operation).items():
                responses.setdefault(code, response)
            parameters = operation.get("parameters", [])
            if any(parameter["name"] == "page" for parameter in parameters):
                # A list's filters read an empty value (`?year=`) as no filter.
                for parameter in parameters:
                    if parameter["in"] == "query":
                        parameter["allowEmptyValue"] = True
            if any(parameter["name"] == "format" for parameter in parameters):
                responses["200"].setdefault("content", {}).update(EXPORT_CONTENT)
    return result
