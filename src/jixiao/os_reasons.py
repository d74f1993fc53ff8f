"""Operating-system errors in Chinese, for every adapter (CLI, batch, web)."""

from __future__ import annotations

import errno

OS_REASONS = {
    errno.EACCES: "没有权限",
    errno.EPERM: "操作不被允许（没有权限）",
    errno.ENOENT: "文件或目录不存在",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一项不是目录",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统是只读的",
    errno.EEXIST: "同名文件已存在且无法替换",
    errno.EXDEV: "无法跨文件系统替换文件",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EMFILE: "打开的文件过多",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EDQUOT: "超出磁盘配额",
    errno.EIO: "读写设备出错",
    errno.ELOOP: "符号链接循环",
}


def os_reason(exc: OSError) -> str:
    """An operating-system error in Chinese (no "Permission denied" on a Chinese screen)."""
    reason = OS_REASONS.get(exc.errno or -1)
    if reason is not None:
        return reason
    return f"系统错误 {exc.errno}" if exc.errno else "系统错误"
