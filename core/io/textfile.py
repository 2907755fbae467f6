"""Reading small text files written by users: UTF-8 (with or without BOM) or GBK/GB18030 (Excel in China)."""
import os

from ..runtime.errors import InputError


def read_text(path, what="file"):
    """The text of ``path``; :class:`InputError` when it is missing or in neither encoding."""
    if not path or not os.path.isfile(str(path)):
        raise InputError(f"The {what} '{path}' does not exist. / 文件不存在：{path}")
    with open(str(path), "rb") as handle:
        raw = handle.read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"'{path}' is neither UTF-8 nor GBK text; save it as CSV UTF-8. / 文件编码无法识别。")
