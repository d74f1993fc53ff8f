"""The JSON API at /api/v1/ (contract: shared/spec/web-api.md), on django-ninja.

django-ninja: typed request/response schemas (pydantic) from which the OpenAPI description at
/api/v1/openapi.json is generated, and small (one dependency besides pydantic), unlike Django REST
framework's serializer/viewset machinery which this API does not need. The interactive docs page is
off (it loads Swagger UI from a CDN; the application must run without internet).

Every call goes through ``jixiao.web.services``; errors are ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from ninja import NinjaAPI, Schema
from ninja import Status as HttpStatus
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer, django_auth
from pydantic import BaseModel, Field
from pydantic import ValidationError as PydanticValidationError

from jixiao.web import services as svc
from jixiao.web.models import Status, User
from jixiao.web.services import ServiceError


class BearerAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = svc.user_for_token(token)
        if user is not None:
            request.user = user
        return user


class Utf8Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=Utf8Renderer(),
    title="jixiao 绩效自评 API",
    version="1",
    description="填报单位提交绩效自评，主管部门和财政部门复核、退回、审核和公开。错误统一为 "
                '{"error": {"code": "...", "message": "..."}}。',
    auth=[BearerAuth(), django_auth],
    docs_url=None,
    urls_namespace="api-v1",
)


def _error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status,
                        json_dumps_params={"ensure_ascii": False})


@api.exception_handler(ServiceError)
def _service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return _error(exc.code, exc.message, exc.status)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    where = ""
    try:
        first = exc.errors[0]
        where = ".".join(str(p) for p in first.get("loc", [])[1:])
    except (IndexError, AttributeError, TypeError):
        pass
    return _error("bad_input", f"请求数据有误{('（' + where + '）') if where else ''}。", 400)


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error("unauthorized", "请先登录：在请求头中提供 Authorization: Bearer <token>。", 401)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error("not_found", "找不到该资源。", 404)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    codes = {400: "bad_input", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
             409: "conflict", 413: "too_large"}
    message = str(exc) if any("\u4e00" <= c <= "\u9fff" for c in str(exc)) else "请求无法处理。"
    if exc.status_code == 403 and "CSRF" in str(exc):
        message = "CSRF 校验失败：请刷新页面后重试。"
    return _error(codes.get(exc.status_code, "error"), message, exc.status_code)


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error("too_large", "请求内容过大。", 413)


@api.exception_handler(TooManyFilesSent)
def _too_many(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error("too_many_files", "一次只能上传一个文件。", 400)


@api.exception_handler(Exception)
def _internal(request: HttpRequest, exc: Exception) -> HttpResponse:
    import logging

    logging.getLogger("jixiao.web").exception("API error")
    return _error("internal", "服务器内部错误，请稍后再试或联系管理员。", 500)


# ------------------------------------------------------------------------------------------ schemas


class ErrorBody(Schema):
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorBody


class TokenIn(Schema):
    username: str = Field(max_length=150)
    password: str = Field(max_length=1024)


class OrgOut(Schema):
    code: str
    name: str
    kind: str


class MeOut(Schema):
    username: str
    name: str
    roles: list[str]
    org: OrgOut | None


class TokenOut(Schema):
    token: str
    user: MeOut


class OrgNode(Schema):
    code: str
    name: str
    kind: str
    active: bool
    children: list[OrgNode]


class FindingCounts(Schema):
    error: int
    warning: int
    info: int


class EvaluationOut(Schema):
    id: int
    org: OrgOut
    title: str
    fiscal_year: int | None
    status: str
    version: int
    total: float | None
    grade: str | None
    findings: FindingCounts
    updated_at: str


class VersionOut(Schema):
    version: int
    created_at: str
    created_by: str
    source: str = ""


class EvaluationDetailOut(EvaluationOut):
    check: dict[str, Any] | None
    versions: list[VersionOut]
    allowed_actions: list[str]
    locked: bool
    opinion: str | None = None
    reviewed_total: float | None = None


class EventOut(Schema):
    at: str
    actor: str | None
    org: OrgOut | None
    action: str
    from_status: str | None
    to_status: str | None
    version: int | None
    reason: str | None
    data: dict[str, Any] | None = None


class PublicOrg(Schema):
    name: str


class PublicItem(Schema):
    id: int
    org: PublicOrg
    title: str
    fiscal_year: int | None
    total: float | None
    grade: str | None
    published_at: str | None


class PublicOut(PublicItem):
    report: dict[str, Any] | None
    score: dict[str, Any] | None


class SubmitIn(BaseModel):
    acknowledge: bool = False
    note: str = Field("", max_length=5000)


class ReasonIn(BaseModel):
    reason: str = Field("", max_length=5000)


class ApproveIn(BaseModel):
    opinion: str = Field("", max_length=10000)
    reviewed_total: float | str | None = None


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 413: ErrorOut}


# ------------------------------------------------------------------------------------------ helpers


def _json_body(request: HttpRequest, model: type[BaseModel]) -> Any:
    raw = request.body or b"{}"
    try:
        data = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ServiceError("bad_input", "请求体不是有效的 JSON。", 400) from None
    if not isinstance(data, dict):
        raise ServiceError("bad_input", "请求体应为 JSON 对象。", 400)
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        loc = ".".join(str(p) for p in exc.errors()[0].get("loc", ()))
        raise ServiceError("bad_input", f"请求数据有误（{loc}）。", 400) from None


def _document_input(request: HttpRequest) -> tuple[dict[str, Any], dict[str, Any]]:
    """(kwargs for the service: report= or upload=, other fields) from a JSON or multipart body."""
    ctype = request.content_type or ""
    if ctype.startswith("multipart/form-data"):
        try:
            if request.method == "POST":
                post, files = request.POST, request.FILES
            else:  # Django parses multipart bodies for POST only
                post, files = MultiPartParser(request.META, request, request.upload_handlers,
                                              request.encoding).parse()
        except (MultiPartParserError, TooManyFilesSent) as exc:
            raise ServiceError("bad_input", f"上传内容无法解析（{type(exc).__name__}）。", 400) from None
        uploaded = files.getlist("file")
        if len(uploaded) != 1:
            raise ServiceError("bad_input", "请上传一个文件（字段名 file）。", 400)
        f = uploaded[0]
        if f.size is not None and f.size > settings.UPLOAD_MAX_BYTES:
            mb = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
            raise ServiceError("too_large", f"上传的文件过大：不能超过 {mb} MB。", 413)
        data = f.read(settings.UPLOAD_MAX_BYTES + 1)
        extra = {k: post.get(k) for k in ("fiscal_year", "org", "expected_version") if post.get(k) not in (None, "")}
        return {"upload": (f.name or "upload", data)}, extra
    raw = request.body or b""
    try:
        body = json.loads(raw.decode("utf-8")) if raw.strip() else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ServiceError("bad_input", "请求体不是有效的 JSON。", 400) from None
    if not isinstance(body, dict) or "report" not in body:
        raise ServiceError("bad_input", '请提供 JSON {"report": …}，或以 multipart 上传文件（字段名 file）。', 400)
    extra = {k: body.get(k) for k in ("fiscal_year", "org", "expected_version") if body.get(k) not in (None, "")}
    return {"report": body["report"]}, extra


DOCUMENT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "object", "required": ["report"], "properties": {
                "report": {"type": "object", "description": "jixiao check --json 的 report 对象"},
                "fiscal_year": {"type": "integer"}, "org": {"type": "string", "description": "单位代码"},
                "expected_version": {"type": "integer"}}}},
            "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "format": "binary", "description": "jixiao check 能读取的任何文件"},
                "fiscal_year": {"type": "integer"}, "org": {"type": "string"},
                "expected_version": {"type": "integer"}}}},
        },
    }
}


def _body_doc(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": False, "content": {"application/json": {"schema": model.model_json_schema()}}}}


def _int(value: Any, what: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ServiceError("bad_input", f"{what}应为整数。", 400) from None


# ---------------------------------------------------------------------------------------- endpoints


@api.post("/auth/token", auth=None, response={200: TokenOut, 401: ErrorOut, 429: ErrorOut, 400: ErrorOut},
          summary="用用户名和密码换取 Bearer 令牌")
def token(request: HttpRequest, payload: TokenIn) -> Any:
    ip = request.META.get("REMOTE_ADDR")
    user = svc.sign_in(payload.username, payload.password, ip, request)
    return {"token": svc.issue_token(user), "user": svc.me(user)}


@api.get("/me", response={200: MeOut, 401: ErrorOut}, summary="当前用户")
def me(request: HttpRequest) -> Any:
    return svc.me(request.auth)


@api.get("/orgs", response={200: list[OrgNode], 401: ErrorOut}, summary="可见的单位（树）")
def orgs(request: HttpRequest) -> Any:
    return svc.org_tree(request.auth)


@api.post("/evaluations", response={201: EvaluationDetailOut, **ERRORS}, openapi_extra=DOCUMENT_BODY,
          summary="新建自评（上传文件或提交报告 JSON）")
def create(request: HttpRequest) -> Any:
    doc, extra = _document_input(request)
    ev = svc.create_evaluation(request.auth, fiscal_year=extra.get("fiscal_year"), org=extra.get("org"), **doc)
    return HttpStatus(201, svc.evaluation_detail(request.auth, ev))


@api.get("/evaluations", response={200: list[EvaluationOut], **ERRORS},
         summary="可见的自评列表（分页：响应头 X-Total-Count、X-Page、X-Pages）")
def evaluations(request: HttpRequest, response: HttpResponse, status: str | None = None, org: str | None = None,
                year: int | None = None, page: int = 1, page_size: int = 50) -> Any:
    qs = svc.evaluations_for(request.auth)
    if status:
        wanted = [s for s in status.split(",") if s]
        if any(s not in Status.values for s in wanted):
            raise ServiceError("bad_input", f"未知的状态：{status}", 400)
        qs = qs.filter(status__in=wanted)
    if org:
        qs = qs.filter(org__code=org)
    if year is not None:
        qs = qs.filter(fiscal_year=year)
    page_size = max(1, min(page_size, 200))
    page = max(1, page)
    count = qs.count()
    response["X-Total-Count"] = str(count)
    response["X-Page"] = str(page)
    response["X-Pages"] = str(max(1, -(-count // page_size)))
    items = qs.order_by("-updated_at", "-id")[(page - 1) * page_size: page * page_size]
    return [svc.evaluation_summary(e) for e in items]


@api.get("/evaluations/{evaluation_id}", response={200: EvaluationDetailOut, **ERRORS}, summary="自评详情")
def detail(request: HttpRequest, evaluation_id: int) -> Any:
    return svc.evaluation_detail(request.auth, svc.get_evaluation(request.auth, evaluation_id))


@api.put("/evaluations/{evaluation_id}", response={200: EvaluationDetailOut, **ERRORS}, openapi_extra=DOCUMENT_BODY,
         summary="新版本（重新评分和复核）")
def put(request: HttpRequest, evaluation_id: int) -> Any:
    svc.get_evaluation(request.auth, evaluation_id)  # 404 before reading a body
    doc, extra = _document_input(request)
    ev = svc.new_version(request.auth, evaluation_id, fiscal_year=extra.get("fiscal_year"),
                         expected_version=_int(extra.get("expected_version"), "expected_version"), **doc)
    return svc.evaluation_detail(request.auth, ev)


@api.get("/evaluations/{evaluation_id}/versions/{number}", response={200: dict[str, Any], **ERRORS},
         summary="某一版本的检查结果（不可变）")
def version(request: HttpRequest, evaluation_id: int, number: int) -> Any:
    return svc.get_version(request.auth, evaluation_id, number).result


def _transition(request: HttpRequest, evaluation_id: int, action: str) -> Any:
    actor = request.auth
    svc.get_evaluation(actor, evaluation_id)
    if action == "submit":
        b = _json_body(request, SubmitIn)
        ev = svc.submit(actor, evaluation_id, acknowledge=b.acknowledge, note=b.note)
    elif action == "withdraw":
        b = _json_body(request, ReasonIn)
        ev = svc.withdraw(actor, evaluation_id, reason=b.reason)
    elif action == "return":
        ev = svc.return_evaluation(actor, evaluation_id, reason=_json_body(request, ReasonIn).reason)
    elif action == "approve":
        b = _json_body(request, ApproveIn)
        ev = svc.approve(actor, evaluation_id, opinion=b.opinion, reviewed_total=b.reviewed_total)
    elif action == "unapprove":
        ev = svc.unapprove(actor, evaluation_id, reason=_json_body(request, ReasonIn).reason)
    else:
        ev = svc.publish(actor, evaluation_id)
    return svc.evaluation_detail(actor, ev)


@api.post("/evaluations/{evaluation_id}/submit", response={200: EvaluationDetailOut, **ERRORS},
          openapi_extra=_body_doc(SubmitIn), summary="提交")
def submit(request: HttpRequest, evaluation_id: int) -> Any:
    return _transition(request, evaluation_id, "submit")


@api.post("/evaluations/{evaluation_id}/withdraw", response={200: EvaluationDetailOut, **ERRORS},
          openapi_extra=_body_doc(ReasonIn), summary="撤回（提交人，审核前）")
def withdraw(request: HttpRequest, evaluation_id: int) -> Any:
    return _transition(request, evaluation_id, "withdraw")


@api.post("/evaluations/{evaluation_id}/return", response={200: EvaluationDetailOut, **ERRORS},
          openapi_extra=_body_doc(ReasonIn), summary="退回（须填写理由）")
def return_(request: HttpRequest, evaluation_id: int) -> Any:
    return _transition(request, evaluation_id, "return")


@api.post("/evaluations/{evaluation_id}/approve", response={200: EvaluationDetailOut, **ERRORS},
          openapi_extra=_body_doc(ApproveIn), summary="审核通过")
def approve(request: HttpRequest, evaluation_id: int) -> Any:
    return _transition(request, evaluation_id, "approve")


@api.post("/evaluations/{evaluation_id}/unapprove", response={200: EvaluationDetailOut, **ERRORS},
          openapi_extra=_body_doc(ReasonIn), summary="撤销审核（须填写理由）")
def unapprove(request: HttpRequest, evaluation_id: int) -> Any:
    return _transition(request, evaluation_id, "unapprove")


@api.post("/evaluations/{evaluation_id}/publish", response={200: EvaluationDetailOut, **ERRORS}, summary="公开")
def publish(request: HttpRequest, evaluation_id: int) -> Any:
    return _transition(request, evaluation_id, "publish")


@api.get("/evaluations/{evaluation_id}/events", response={200: list[EventOut], **ERRORS}, summary="操作记录")
def events(request: HttpRequest, evaluation_id: int) -> Any:
    return svc.event_dicts(svc.get_evaluation(request.auth, evaluation_id))


@api.get("/evaluations/{evaluation_id}/opinion.docx", response={403: ErrorOut, 404: ErrorOut, 401: ErrorOut},
         summary="复核意见书（Word）")
def opinion(request: HttpRequest, evaluation_id: int) -> Any:
    from urllib.parse import quote

    name, data = svc.opinion_docx(request.auth, evaluation_id)
    resp = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    resp["Content-Disposition"] = f"attachment; filename=\"opinion.docx\"; filename*=UTF-8''{quote(name)}"
    return resp


@api.get("/public/evaluations", auth=None, response={200: list[PublicItem]}, summary="已公开的自评（无需登录）")
def public_list(request: HttpRequest, year: int | None = None) -> Any:
    qs = svc.published_evaluations().order_by("-published_at", "-id")
    if year is not None:
        qs = qs.filter(fiscal_year=year)
    return [svc.public_dict(e) for e in qs[:500]]


@api.get("/public/evaluations/{evaluation_id}", auth=None, response={200: PublicOut, 404: ErrorOut},
         summary="已公开的自评：报告、得分和等级")
def public_detail(request: HttpRequest, evaluation_id: int) -> Any:
    return svc.public_dict(svc.get_published(evaluation_id), full=True)
