"""The unit and supervisor labels come from one list (data/meta.toml [who]): a line that is only
"label：value" (assemble) and a label inside a line (meta) know the same labels."""

from jixiao.readers import meta


def test_every_organization_label_reads_a_whole_line() -> None:
    for label in meta.words()["who"]["organization_labels"]:
        assert meta.organization_line(f"{label}：青石县教育局") == "青石县教育局"
        assert meta.organization_line(f"  {label} : 青石县教育局\t填报日期：2024年3月") == "青石县教育局"


def test_every_supervisor_label_reads_a_whole_line() -> None:
    for label in meta.words()["who"]["supervisor_labels"]:
        assert meta.supervisor_line(f"{label}：青石县人民政府") == "青石县人民政府"


def test_a_supervisor_line_is_not_a_unit_line() -> None:
    assert meta.organization_line("主管部门：青石县人民政府") is None
    assert meta.supervisor_line("实施单位：青石县教育局") is None
    assert meta.organization_line("本单位：按要求完成") is None

