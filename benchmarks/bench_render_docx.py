"""Time `jixiao render --to docx` (and the review opinion) on long reports.

    python benchmarks/bench_render_docx.py [ROWS ...]      (default: 60 120 240)

Writes a department-overall style text report with ROWS indicator rows (five 一级/二级 groups, so
the level columns merge), then runs the CLI as a user does: `render --to docx` (the report) and
`render --kind review` (the review opinion), and prints the wall time of each. Issue 13 asks for
240 rows in under 5 s.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

GROUPS = (("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("效益指标", "社会效益指标"),
          ("满意度指标", "服务对象满意度指标"))


def long_report(rows: int) -> str:
    """A report with ``rows`` indicator rows, tab-separated, weights adding up to 90."""
    lines = [
        "某市教育局2023年度部门整体支出绩效自评报告", "", "市财政局：", "", "一、绩效目标分解下达情况",
        "全年预算数12000万元，全年执行数11500万元，预算执行率95.83%。", "二、绩效情况分析",
        "（四）绩效指标完成情况分析",
        "一级指标\t二级指标\t三级指标\t指标性质\t年度指标值\t度量单位\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    ]
    per_group = -(-rows // len(GROUPS))
    for i in range(rows):
        l1, l2 = GROUPS[min(i // per_group, len(GROUPS) - 1)]
        weight = "0.375"
        lines.append(f"{l1}\t{l2}\t第{i + 1}项培训覆盖学校数\t≥\t{100 + i}\t所\t{100 + i}\t{weight}\t{weight}\t")
    lines += ["三、偏离绩效目标的原因和下一步改进措施", "无。"]
    return "\n".join(lines) + "\n"


def timed(*args: str) -> float:
    start = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"jixiao {' '.join(args)} failed: {p.stderr.strip()}")
    return elapsed


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [60, 120, 240]
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            src = Path(tmp) / f"report-{rows}.txt"
            src.write_text(long_report(rows), encoding="utf-8")
            report = timed("render", str(src), "--to", "docx", "-o", str(Path(tmp) / f"r{rows}.docx"))
            review = timed("render", str(src), "--kind", "review", "-o", str(Path(tmp) / f"v{rows}.docx"))
            print(f"{rows:4d} indicator rows: render --to docx {report:6.2f} s, --kind review {review:6.2f} s")


if __name__ == "__main__":
    main()
