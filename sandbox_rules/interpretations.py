"""Named interpretations: every place where the text can be read two ways.

Each has a stable id, the default reading with its reasoning, and the alternatives a
caller may select. Results record which readings they used (``interpretations_used``).
``docs/interpretations.md`` is generated from this table and tested against it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from sandbox_rules.errors import InterpretationError, brief

if TYPE_CHECKING:
    from sandbox_rules.calendar import VietnamCalendar


@dataclass(frozen=True, slots=True)
class Interpretation:
    id: str
    citations: tuple[str, ...]
    question: str
    default: str
    options: Mapping[str, str]  # option id -> what it means
    reasoning: str
    source: str  # where the ambiguity was identified

    def check(self, option: str) -> str:
        if option not in self.options:
            raise InterpretationError.from_key(
                "error.interpretation_option",
                id=repr(self.id),
                option=brief(option),
                options=", ".join(self.options),
            )
        return option


def _i(
    id: str,
    cites: str,
    question: str,
    default: str,
    options: dict[str, str],
    reasoning: str,
    source: str = "shared/law/README.md, Known ambiguities",
) -> Interpretation:
    return Interpretation(
        id, tuple(cites.split()), question, default, MappingProxyType(options), reasoning, source
    )


CATALOGUE: tuple[Interpretation, ...] = (
    _i(
        "consultation-days",
        "12.3.c 12.4.c 13.3.c 16.3.b",
        "Is the 10-day reply period ('Trong thời hạn 10 ngày') counted in calendar days or in "
        "working days?",
        "calendar-days",
        {
            "calendar-days": "10 calendar days (Days(10)); the end rolls to the next working day "
            "if it is not one (see roll-forward).",
            "working-days": "10 working days (WorkingDays(10)).",
        },
        "The same clauses say 'ngày làm việc' for the 3-day steps and plain 'ngày' for the "
        "10-day replies; the drafters distinguished the units, so plain 'ngày' is a calendar "
        "day (Civil Code 2015 Art. 146-148).",
        "shared/law/README.md, Known ambiguities, item 1",
    ),
    _i(
        "event-day-excluded",
        "12.3.b 12.3.d 12.4.b 12.4.d 12.5 13.3.b 16.3.b 16.3.d 17.3",
        "Does the day of the event (receipt of the dossier, of the replies) count as day one?",
        "excluded",
        {
            "excluded": "The period starts on the day after the event (Civil Code 2015 Art. 147(1)).",
            "included": "The day of the event counts as the first day.",
        },
        "Civil Code 2015 Art. 147(1): when a period is set in days, weeks, months or years the "
        "first day is not counted; the period runs from the next day. Decree 169 sets no other "
        "rule.",
        "shared/law/README.md, Known ambiguities, item 2",
    ),
    _i(
        "roll-forward",
        "12.3.c 12.4.c 13.3.c 15.2 16.3.b 17.3 18.3",
        "Does a period whose last day is not a working day end on the next working day?",
        "next-working-day",
        {
            "next-working-day": "Yes: it ends on the next working day (Civil Code 2015 Art. 148(5)).",
            "no-roll": "No: it ends on the computed day even if it is a day off.",
        },
        "Civil Code 2015 Art. 148(5): when the last day of a period is a weekly rest day or a "
        "public holiday the period ends at the end of the next working day. We apply it with "
        "the state agencies' calendar (worked Saturdays are working days; official swapped "
        "days off are not).",
        "DESIGN.md, core idea 5",
    ),
    _i(
        "authority-count-basis",
        "12.1.a 12.1.b",
        "What does 12.1 count to choose between the ministry/province (12.1.a) and the Ministry "
        "of Public Security (12.1.b): managing ministries/sectors/provinces, or data-owning units?",
        "managing-bodies",
        {
            "managing-bodies": "Count the distinct ministries, sectors and provinces that manage "
            "the sources: one → 12.1.a, two or more → 12.1.b.",
            "owning-units": "Count the distinct data-owning units: two units of the same ministry "
            "already go to the Ministry of Public Security.",
        },
        "12.1.a and 12.1.b both speak of sources 'managed by' (do ... quản lý / của) a "
        "ministry, sector or province; the data-owning unit appears only in 12.3 and 12.4, "
        "which set the procedure, not the authority. Under either option the data-owning units "
        "are counted within each managing body (a unit of one body is not a unit of another, "
        "facts.owning_unit_count): sources of two bodies come from two units even where a unit "
        "is not named.",
        "shared/law/README.md, Known ambiguities, item 3",
    ),
    _i(
        "procedure-many-sources",
        "12.3 12.4",
        "Which procedure applies to three or more sources, or to two sources of one unit?",
        "two-or-more-is-12.4",
        {
            "two-or-more-is-12.4": "12.3 for exactly one source of one data-owning unit; 12.4 "
            "whenever two or more data-owning units are involved; several sources of one unit "
            "follow 12.3.",
            "strict": "Only the literal cases are decided (one source of one unit → 12.3; two "
            "sources of two units → 12.4); any other case is undetermined and referred to the "
            "authority.",
        },
        "12.1.b assigns the Ministry of Public Security 'from two ... or more' (từ 02 ... trở "
        "lên); reading 12.4 as the procedure for that multi-unit case keeps authority and "
        "procedure aligned. Several sources of a single unit involve one consultee, the "
        "situation 12.3 is written for.",
        "shared/law/README.md, Known ambiguities, item 3",
    ),
    _i(
        "same-manager-two-units",
        "12.1.a 12.3 12.4 12.4.d",
        "Two data-owning units under the same ministry or province: file with that ministry "
        "(12.3) or with the Ministry of Public Security's National Data Center (12.4)?",
        "national-data-center",
        {
            "national-data-center": "The procedure follows the number of data-owning units: "
            "the dossier goes to the National Data Center under 12.4, which consults; the "
            "competent authority under 12.1.a (the ministry or province) decides (12.4.d).",
            "competent-authority": "The competent authority under 12.1 receives the dossier, "
            "follows the 12.3 steps and consults both units.",
        },
        "12.4's heading sets its procedure for 'sử dụng hai nguồn dữ liệu từ hai đơn vị chủ "
        "quản dữ liệu' and 12.3's for 'một nguồn dữ liệu từ một đơn vị chủ quản dữ liệu': the "
        "procedure is chosen by the data-owning units, not by who manages them (12.1 chooses "
        "the authority). Two units of one ministry are two units. 12.4.d already separates the "
        "receiver from the decider: the National Data Center receives and consults (12.4.a-c), "
        "while 'cơ quan có thẩm quyền' appraises and decides (12.4.d), so a receiver that is "
        "not the competent authority is what the text foresees, not an anomaly to avoid.",
        "issue 8 item 7; text of 12.3, 12.4 (this project)",
    ),
    _i(
        "defence-overrides",
        "12.1.c 12.4 12.6",
        "If any source is defence or cipher data, does the Ministry of National Defence decide "
        "under its own procedure whatever the number of sources?",
        "defence-decides",
        {
            "defence-decides": "Yes: 12.1.c overrides 12.1.b ('trừ trường hợp quy định tại điểm "
            "c') and 12.6 gives the Ministry of National Defence its own procedure.",
            "mps-receives": "The Ministry of National Defence decides, but a dossier with two "
            "sources is still received by the Ministry of Public Security under 12.4.",
        },
        "12.1.b expressly yields to 12.1.c, and 12.6 leaves the procedure for defence and "
        "cipher data to the Minister of National Defence; 12.4 names the receiver only for "
        "the Ministry of Public Security's own cases.",
        "shared/law/README.md, Known ambiguities, item 4",
    ),
    _i(
        "form-order",
        "12.2.a 12.3.d 12.4.d 13.2.a 14.1 16.2.a 16.3.d",
        "Which form (application, certificate) is for an organisation and which for an individual?",
        "listed-order",
        {
            "listed-order": "Forms follow the text's order 'tổ chức, cá nhân': HĐTN01/03/05/09/"
            "11/13 organisation, HĐTN02/04/06/10/12/14 individual.",
            "reversed": "HĐTN01/03/05/09/11/13 individual, HĐTN02/04/06/10/12/14 organisation "
            "(the order the text uses for reports: HĐTN07 individual, HĐTN08 organisation).",
        },
        "The application clauses list 'cho tổ chức, cá nhân' with the forms in that order; "
        "the report forms are assigned explicitly (HĐTN07 cá nhân, HĐTN08 tổ chức) and are "
        "not ambiguous. The annex is not in the text we hold.",
        "shared/law/README.md, Known ambiguities, item 5",
    ),
    _i(
        "prosecution-scope",
        "9.1.a",
        "'Đã bị cơ quan tiến hành tố tụng khởi tố bị can': any prosecution as the accused, or only one "
        "still pending?",
        "as-stated",
        {
            "as-stated": "As the text reads: having been prosecuted as the accused bars, even if the "
            "case has since ended.",
            "pending-only": "Only a prosecution still pending bars; one that ended (charges dropped, "
            "case suspended, acquittal) does not (fact prosecution_ended).",
        },
        "The text says 'đã bị' (has been) with no limit in time, unlike 9.1.b, which speaks of "
        "measures 'đang' (currently) served; the text is followed where it is clear. Eligibility "
        "rules elsewhere in Vietnamese law often use 'đang bị truy cứu', hence the alternative.",
        "text of 9.1.a (this project)",
    ),
    _i(
        "geographic-site-condition",
        "10.1",
        "Does 10.1 restrict where a geographic testing space may be, or only describe the kinds of space?",
        "condition",
        {
            "condition": "A geographic space must be at the lead participant's own site or at a site "
            "approved by the data-owning unit or the Ministry of Public Security.",
            "descriptive": "10.1 only lists the kinds of testing space; no finding on the site.",
        },
        "The clause defines the geographic space by two alternatives only ('triển khai tại địa điểm "
        "của tổ chức, cá nhân chủ trì thử nghiệm, triển khai tại địa điểm đã được ... phê duyệt'); a "
        "site outside both is not a testing space the decree provides for.",
        "issue 4; text of 10.1 (this project)",
    ),
    _i(
        "inspection-year",
        "17.2",
        "'Định kỳ 01 lần/năm': one on-site inspection in each 12 months from issue, or in each "
        "calendar year?",
        "twelve-months-from-issue",
        {
            "twelve-months-from-issue": "One inspection in each period of 12 months from the issue "
            "date (or the testing start), each ending on its corresponding day as the testing "
            "period does (Civil Code 2015 Art. 147(1), 148(3)): a period of whole years has as many "
            "inspection years.",
            "calendar-year": "One inspection in each calendar year the testing runs in.",
        },
        "A sandbox runs for a period counted from its certificate; counting years from issue gives "
        "every year of testing the same length. A year in which a periodic inspection ended (its "
        "record drawn up, 17.2 last paragraph) is shown done (an ad hoc one under the reading "
        "ad-hoc-inspection, one of unstated kind under inspection-kind-unstated); otherwise the "
        "year is informational (the authority's duty).",
        "text of 17.2 (this project)",
    ),
    _i(
        "issuance-return",
        "12.2 13.3.b.par2 16.3.b.par2",
        "Can an issuance dossier be returned? Art. 12 sets no return; 13.3.b and 16.3.b do, each "
        "for its own dossier.",
        "no-return",
        {
            "no-return": "Art. 12 provides no return: an incomplete issuance dossier is not "
            "processed (the 3 working days of 12.3.b/12.4.b run only 'kể từ ngày nhận đầy đủ hồ "
            "sơ hợp lệ') and waits to be completed; the event 'returned' is refused for it.",
            "returned": "By analogy with 13.3.b.par2 and 16.3.b.par2, an incomplete issuance "
            "dossier may end in a written return (state 'returned').",
        },
        "The return is a sanction the decree writes out where it wants it: 13.3.b.par2 and "
        "16.3.b.par2 each set a written request, 5 working days and 'có văn bản trả lại hồ sơ' "
        "for their own dossiers. Art. 12 sets none of these steps for the issuance dossier; "
        "12.3.b and 12.4.b only start the clock from a complete, valid dossier. Extending a "
        "return to Art. 12 by analogy would add a step the text does not state, so the default "
        "follows the text; the analogy stays selectable for authorities that apply it. The "
        "reading is used by the rule life.return.issuance only.",
        "issue 5 and issue 8 item 3; text of Art. 12, 13.3.b, 16.3.b (this project)",
    ),
    _i(
        "lengthening-adjustment-counts",
        "10.2 13.2.c 14",
        "An adjustment that lengthens the approved period (13.2.c) and an Art. 14 extension: do "
        "both count toward the single extension of 10.2?",
        "counts-as-extension",
        {
            "counts-as-extension": "Yes: an approved adjustment that lengthens the period is the "
            "one extension 10.2 allows; afterwards no Art. 14 extension and no second lengthening "
            "adjustment can be approved, and its length is checked against the approved period.",
            "art14-only": "No: only Art. 14 extensions count toward 10.2; a lengthening "
            "adjustment moves the approved end and leaves the single extension available.",
        },
        "13.2.c speaks of an adjustment 'dẫn đến phải gia hạn thời gian thử nghiệm đã được phê "
        "duyệt' — the very words of 10.2 ('có thể được gia hạn 01 lần không quá thời gian thử "
        "nghiệm đã được phê duyệt'), and it asks for the same results report Art. 14 asks for. "
        "10.2 limits how often the testing time is extended, not which procedure grants it; "
        "reading the two procedures as separate allowances would let a plan run past the limit "
        "10.2 sets by alternating them.",
        "issue 8 item 3; text of 10.2, 13.2.c, 14.1 (this project)",
    ),
    _i(
        "reply-period-start",
        "12.3.c 12.4.c 13.3.c 16.3.b",
        "The 10-day reply period ('Trong thời hạn 10 ngày, các đơn vị được lấy ý kiến có văn bản "
        "trả lời'): counted from the day the consultation is sent, or from the day each consultee "
        "receives it?",
        "from-sending",
        {
            "from-sending": "From the day the authority sends the consultation (event "
            "consultation_sent).",
            "from-receipt": "From the day the consultee receives it (event "
            "consultation_received); while that day is unknown the sending day is used and the "
            "start is marked assumed.",
        },
        "The reply point names no starting event; it follows the step whose act is sending "
        "('gửi văn bản lấy ý kiến', 12.4.b; 'gửi xin ý kiến', 16.3.b), and the receiving "
        "authority, whose whole time limit (3 + 10 + 3 days) the procedure sets, knows its own "
        "sending date and not each consultee's receipt. A consultee cannot answer before it "
        "receives the request, hence the alternative.",
        "issue 8 item 7; text of 12.3.c, 12.4.c, 13.3.c, 16.3.b (this project)",
    ),
    _i(
        "conviction-expunged-scope",
        "9.1.b",
        "In 9.1.b, does 'chưa được xóa án tích' (record not expunged) qualify national-security "
        "convictions too, or only the other intentional crimes of 3 years or more?",
        "both",
        {
            "both": "A conviction disqualifies only while the record is not expunged, for "
            "national-security crimes (any sentence) and for other intentional crimes of 3 "
            "years' imprisonment or more alike.",
            "national-security-always": "A national-security conviction disqualifies even "
            "after the record is expunged; the expunged test applies only to the other crimes.",
        },
        "The phrase 'chưa được xóa án tích' closes the single sentence listing both kinds of "
        "conviction ('đã bị kết án về các tội xâm phạm an ninh quốc gia hoặc các tội khác do "
        "lỗi cố ý bị kết án từ 03 năm tù trở lên chưa được xóa án tích'); under the Criminal "
        "Code an expunged person is treated as never convicted, so reading it over both is "
        "the ordinary construction.",
        "text of 9.1.b (this project)",
    ),
    _i(
        "extension-window",
        "14.1",
        "'Trong thời gian không quá 30 ngày, trước khi kết thúc': which days are inside?",
        "thirty-days-before-end",
        {
            "thirty-days-before-end": "From the 30th day before the end date up to the day "
            "before the end date: [end − 30 days, end).",
            "including-end-day": "[end − 30 days, end]: the last day of testing is also inside.",
        },
        "'Trước khi kết thúc' (before the end) excludes the end day itself; 'không quá 30 ngày' "
        "bounds the distance to the end at 30 days.",
        "shared/law/README.md, Known ambiguities, item 6",
    ),
    _i(
        "incident-written-report",
        "18.5",
        "'Sau 03 ngày, gửi báo cáo bằng văn bản': within 3 days, or on or after day 3?",
        "within-three-days",
        {
            "within-three-days": "The written report is due at the latest 3 days after the "
            "incident was found.",
            "after-three-days": "The written report is sent once 3 days have passed (earliest "
            "on the 3rd day after), with no latest date in the text.",
        },
        "The clause sets a reporting duty; a reading that gives no latest date would leave it "
        "without a deadline. We read 'sau 03 ngày' as the time allowed for the report.",
        "shared/law/README.md, Known ambiguities, item 7",
    ),
    _i(
        "quarterly-report-due",
        "18.3",
        "The quarterly report is due 'chậm nhất là ngày 05' of the next quarter's first month: "
        "what if the 5th is not a working day?",
        "next-working-day",
        {
            "next-working-day": "Due on the next working day (Civil Code 2015 Art. 148(5)).",
            "fixed-date": "Due on the 5th whatever the day.",
            "previous-working-day": "Due on the last working day on or before the 5th.",
        },
        "Civil Code 2015 Art. 148(5) extends a period ending on a rest day or holiday; the "
        "5th is the end of the reporting period.",
        "shared/law/README.md, Known ambiguities, item 8",
    ),
    _i(
        "quarterly-report-quarters",
        "18.1 18.3 15.1.b",
        "Which quarters need a quarterly report (18.3): every calendar quarter of the testing "
        "period from the certificate, or only those in which testing has started?",
        "every-quarter-of-the-period",
        {
            "every-quarter-of-the-period": "One report for every calendar quarter the testing "
            "period overlaps, from its start (the issue date or the testing start the record "
            "gives), the first and last possibly partial, whether or not testing has been "
            "deployed yet.",
            "quarters-of-testing": "Reports from the quarter in which testing was deployed "
            "(event testing_started); a quarter wholly before it needs none, and none is due "
            "while testing has not started.",
        },
        "18.1 binds the certificate holder ('tổ chức, cá nhân tham gia hoạt động thử nghiệm có "
        "kiểm soát có trách nhiệm báo cáo định kỳ hàng quý'), and 18.3 fixes calendar quarters "
        "('từ ngày 01 tháng đầu quý đến hết ngày cuối cùng của tháng cuối quý') with no "
        "exception for a partial one or one before deployment; the state of a testing not yet "
        "deployed is itself 'tình hình thực hiện hoạt động thử nghiệm' the authority needs "
        "(15.1.b revokes after 90 days without deployment). The report is on the implementation "
        "of the testing, and a quarter with no testing has none to report, hence the "
        "alternative.",
        "trial finding 21; text of 18.1, 18.3 (this project)",
    ),
    _i(
        "extension-limit",
        "10.2",
        "'Gia hạn 01 lần không quá thời gian thử nghiệm đã được phê duyệt': compare lengths or "
        "end dates?",
        "compare-durations",
        {
            "compare-durations": "The extension's length must not exceed the approved testing "
            "length (e.g. 18 months approved → at most 18 more months).",
            "compare-end-dates": "The extended end must not be later than the approved end "
            "plus the approved length measured in days.",
        },
        "The clause compares 'thời gian' (a length of time) with 'thời gian thử nghiệm đã "
        "được phê duyệt', the approved testing period; lengths are compared.",
        "shared/law/README.md, Known ambiguities, item 9",
    ),
    _i(
        "revocation-timing",
        "15.1.b 15.2",
        "When does the ground of 15.1.b arise, and when is the 15.2 decision due?",
        "day-after-ninety",
        {
            "day-after-ninety": "The 90 days run from the day after issue (Civil Code Art. "
            "147(1)); the ground arises the day after the 90th day; the decision is due at "
            "the latest 15 days after that day.",
            "ninetieth-day": "The ground arises on the 90th day after issue itself.",
        },
        "'Sau 90 ngày, kể từ ngày được cấp' (after 90 days from the issue date) is met once the "
        "90-day period has fully run. For 15.1.d we take the ground to arise the day after the "
        "30-day remediation period of 17.3 ends without remediation, and for 15.1.a, c and đ on "
        "the day of the request or finding.",
        "shared/law/README.md, Known ambiguities, item 10",
    ),
    _i(
        "participant-exemption-scope",
        "22.2",
        "Which 'relevant procedures and rules' must a participant have followed to be exempt from civil "
        "liability under 22.2?",
        "chapter-duties-and-attested-other-law",
        {
            "chapter-duties-and-attested-other-law": "Every participant duty of Chapter II (13.1, 17.3, "
            "18.1-18.5, 19.1-19.5, 21.2-21.4) recorded as complied, no dated item of the computed "
            "obligations schedule overdue or met late, and compliance with other related law attested "
            "by the caller (fact duty.other-law).",
        },
        "The text says 'đầy đủ các quy trình, quy định liên quan' without a list; the chapter's own "
        "duties are the procedures it sets, and other related law cannot be checked here, so the "
        "caller attests it. There is one option today; the id exists so results record the reading.",
        "text of 22.2 (this project)",
    ),
    _i(
        "clock-stop-scope",
        "13.3.b.par2 16.3.b.par2",
        "'Thời gian giải trình, hoàn thiện hồ sơ không tính vào thời gian xử lý hồ sơ': which periods stop?",
        "authority-steps",
        {
            "authority-steps": "The authority's own processing steps (sending the consultation, "
            "deciding) still running on the day of the request are extended by the working days "
            "spent clarifying; the consultees' 10-day reply period is not.",
            "all-steps": "Every step running during the clarification, the consultees' replies "
            "included, is extended.",
        },
        "The sentence speaks of the processing time of the dossier (thời gian xử lý hồ sơ), which "
        "is the receiving authority's; the consulted units answer the authority, not the applicant. "
        "The stop runs from the day after the written request to the day the answer arrives, both "
        "counted in working days; an unanswered request keeps the clock stopped until the applicant's "
        "5 working days run out and the dossier is returned. Under either option the stop takes "
        "nothing from a step already done on the day of the request (nothing of it is still "
        "running) and that step keeps its due date; the day-by-day explanation marks each stopped "
        "day as stopped, not counted.",
        "text of 13.3.b and 16.3.b (this project)",
    ),
    _i(
        "inspection-individual",
        "17.2 20.3",
        "17.2's yearly on-site inspection is 'đối với tổ chức tham gia hoạt động thử nghiệm': is an "
        "individual participant inspected on site once a year too?",
        "organisations-only",
        {
            "organisations-only": "The yearly on-site inspection of 17.2 is scheduled for an "
            "organisation only; for an individual the schedule shows no yearly inspection, only a "
            "note that ad hoc inspections (17.2) and the authority's periodic checks of the testing "
            "(20.3) still apply, with 17.3 remediation after any inspection.",
            "all-participants": "Read 'tổ chức' as standing for every participant: an individual is "
            "inspected on site once a year as well.",
        },
        "The sentence of 17.2 names 'tổ chức tham gia' alone, while the clauses around it say "
        "'tổ chức, cá nhân' when they mean both (17.2.c, 17.3, 18.1); the drafters distinguished, "
        "so the periodic on-site inspection is of organisations. 20.3 ('kiểm tra, giám sát định "
        "kỳ, đột xuất việc thử nghiệm') keeps the authority's periodic checks of an individual's "
        "testing without fixing a yearly on-site visit, hence the alternative.",
        "issue 8, item 2; text of 17.2 (this project)",
    ),
    _i(
        "ad-hoc-inspection",
        "17.2",
        "17.2 names two on-site inspections: the periodic one ('định kỳ 01 lần/năm') and an ad "
        "hoc one ('đột xuất khi có dấu hiệu thực hiện không đúng, không đầy đủ các nội dung tại "
        "Giấy chứng nhận'), with the same contents (points a-c) and the same record. Does an ad "
        "hoc inspection that ended in a year stand for that year's periodic inspection?",
        "separate",
        {
            "separate": "No: the periodic inspection is held once a year whatever happened; an ad "
            "hoc one answers its sign and leaves the year's periodic inspection still to be held.",
            "counts-for-the-year": "Yes: an on-site inspection of 17.2, ad hoc or periodic, with "
            "its contents and its record, is the year's inspection, and the year it ends in is "
            "done.",
        },
        "The text gives the two inspections different occasions: the periodic one a schedule "
        "('định kỳ 01 lần/năm'), the ad hoc one a cause ('khi có dấu hiệu ...'), joined by "
        "'hoặc' as two occasions for inspecting rather than one standing for the other; an ad "
        "hoc inspection looks at what its sign points to, so the year's scheduled look stays "
        "owed. The contents (points a-c) and the record are the same for both, which is the case "
        "for the alternative. The 30 days of 17.3 run from the end of either.",
        "text of 17.2 (review of this project)",
    ),
    _i(
        "inspection-kind-unstated",
        "17.2",
        "17.2 names two on-site inspections, the periodic one ('định kỳ 01 lần/năm') and an ad "
        "hoc one ('đột xuất khi có dấu hiệu thực hiện không đúng, không đầy đủ các nội dung tại "
        "Giấy chứng nhận'); under the reading ad-hoc-inspection=separate only the periodic one "
        "is the year's. Is an inspection whose kind the record does not state (inspection_ended "
        "without inspection_kind) the year's periodic inspection?",
        "counts-as-periodic",
        {
            "counts-as-periodic": "Yes: an inspection_ended without inspection_kind is taken as "
            "the periodic inspection of 17.2, and the year it ends in is done.",
            "undetermined": "Not known: it may have been an ad hoc inspection, so the year it ends "
            "in is undetermined (its item says the kind is not stated) unless a periodic "
            "inspection ended in that year too; a year with no inspection stays informational.",
        },
        "17.2 schedules the periodic inspection for every year ('định kỳ 01 lần/năm'): it is the "
        "standing inspection, the one the authority holds without any cause. An ad hoc one is held "
        "only 'khi có dấu hiệu thực hiện không đúng, không đầy đủ các nội dung tại Giấy chứng "
        "nhận', a fact of its own that a record silent on the kind does not show; so an inspection "
        "of unstated kind is read as the periodic one, and records written before the kind could "
        "be given keep their results. Whether an inspection stated to be ad hoc marks a year done "
        "is the reading ad-hoc-inspection. The 30 days of 17.3 run from the end of an inspection "
        "of either kind.",
        "text of 17.2 (this project)",
    ),
    _i(
        "risk-assessment-period",
        "19.2",
        "'Định kỳ hàng tháng, quý đánh giá rủi ro': a risk assessment every month and every "
        "quarter, or every month or every quarter (either)?",
        "monthly-and-quarterly",
        {
            "monthly-and-quarterly": "Both: one assessment for each month and one for each calendar "
            "quarter of the testing period.",
            "monthly-or-quarterly": "Either: the participant assesses monthly or quarterly; the "
            "schedule shows one assessment for each calendar quarter (the longest interval the "
            "text allows; monthly assessments also satisfy it).",
        },
        "'Hàng tháng, quý' is the enumeration Vietnamese regulations use for periodic duties of "
        "several periods at once ('báo cáo định kỳ hàng tháng, quý, năm' ordinarily means one for each "
        "period); "
        "the text joins the two with a comma, not with 'hoặc' (or), which it uses elsewhere when "
        "it means a choice ('định kỳ 01 lần/năm hoặc đột xuất', 17.2). Quarters are calendar "
        "quarters, as 18.3 defines them for the quarterly report. The text fixes no day, so the "
        "items are periods, not deadlines.",
        "issue 8, item 6; text of 19.2 (this project)",
    ),
    _i(
        "authority-exemption-remit",
        "22.1 20.1 20.2 20.3 20.4 20.5 20.6",
        "22.1 exempts those who performed Art. 20 'đúng và đầy đủ ... trong phạm vi trách nhiệm được "
        "giao': must every duty of Art. 20 be performed, or only those within the actor's remit?",
        "within-remit",
        {
            "within-remit": "Only the Art. 20 duties within the actor's assigned remit count (argument "
            "remit of duties(), e.g. ['20.3'] for an inspector); with the remit unknown, a duty not "
            "performed leaves the exemption undetermined, and all six performed grant it.",
            "all-article-20": "Every duty of Art. 20 (20.1-20.6) must have been performed, whatever "
            "the actor's remit.",
        },
        "22.1 names several kinds of actor (those appraising the certificate, inspecting, "
        "supervising, evaluating), each with a part of Art. 20's duties, and limits the test to "
        "'phạm vi trách nhiệm được giao' (the remit assigned); an appraiser does not answer for "
        "20.1's guidance work. The remit is a fact the caller supplies.",
        "issue 8, item 5; text of 22.1 (this project)",
    ),
    _i(
        "results-report-after-extension",
        "18.4 14.1 13.2.c 16.1.b",
        "After an extension (14, or an adjustment lengthening the period, 13.2.c), does a results "
        "report filed before it was approved — the one that goes with the request — discharge "
        "18.4 for the extended end?",
        "new-report",
        {
            "new-report": "No: 18.4 is owed before each end of the testing period in force. A "
            "report counts for the end in force on the day it is filed; once an extension is "
            "approved, a new results report is due at least 30 days before the extended end. A "
            "report that fell due before the end moved stays on the schedule with its own status.",
            "earlier-report-counts": "Yes: any results report filed at least 30 days before the "
            "end in force discharges 18.4, one filed for the original period with the "
            "extension request included; the schedule shows the end in force only.",
        },
        "18.4 ties the report to the end of the testing period ('trước khi kết thúc thời hạn thử "
        "nghiệm ít nhất 30 ngày'), and after an extension the testing runs to the extended end "
        "(16.1.b: 'hết thời gian đã được gia hạn thử nghiệm'). The report is on the results of "
        "the testing ('Báo cáo kết quả hoạt động thử nghiệm'): one filed with the 14.1 request "
        "reports on the approved period and is the basis of the extension decision (14.2, 13.2.c "
        "ask for it for that purpose); it says nothing of the extended period it precedes. The "
        "words 'ít nhất 30 ngày' fix only the latest day, so a report filed earlier satisfies "
        "them literally: hence the alternative.",
        "trial finding 2; text of 14.1, 18.4, 16.1.b (this project)",
    ),
    _i(
        "results-report-with-extension-request",
        "14.1 18.4",
        "14.1 has the extension request filed 'trong thời gian không quá 30 ngày, trước khi kết "
        "thúc' the approved period 'kèm Báo cáo kết quả'; 18.4 has the results report filed "
        "'trước khi kết thúc thời hạn thử nghiệm ít nhất 30 ngày'. Is the report filed with a "
        "request made in the 14.1 window on time under 18.4 for the period being extended?",
        "with-request-on-time",
        {
            "with-request-on-time": "Yes: a results report filed on the day of an extension "
            "request made within the 14.1 window discharges 18.4 for the end that request would "
            "extend; while that window is open and nothing is filed, the report is not yet "
            "overdue (undetermined). A report filed without a request, or a request outside the "
            "window, is judged by 18.4's date alone.",
            "separate-18.4-date": "No: 18.4's date stands on its own; a participant who means to "
            "extend files the results report at least 30 days before the end and attaches it to "
            "the request. A report first filed with the request is late.",
        },
        "The two clauses cannot both be met by one filing: 14.1's window opens 30 days before the "
        "end and 18.4's date is the day before it opens (or the window's first day, as the "
        "reading extension-window counts it), so under 18.4 alone a report filed 'kèm' a request "
        "as 14.1 prescribes is late on every day but that one, and the lateness stands in the "
        "way of 22.2. 14.1 is the clause that deals with the participant who asks to extend, and "
        "it fixes when that report goes in (with the request, within the window): read as the "
        "specific rule for that case, it is not read as prescribing a late filing. The words of "
        "18.4 still support the alternative (the report by the 18.4 date, a copy with the "
        "request), so it can be chosen. The default changes no date on the schedule; it decides "
        "only whether such a report is on time. Whether the report then counts for the extended "
        "end is the reading results-report-after-extension.",
        "second trial, finding A7; text of 14.1, 18.4 (this project)",
    ),
    _i(
        "culture-day-makeup",
        "12.3.b 12.3.d 12.4.b 12.4.d 12.5 13.3.b 16.3.b 16.3.d",
        "If 24 November (Ngày Văn hóa Việt Nam) falls on a weekend, is it made up on the next "
        "working day?",
        "made-up",
        {
            "made-up": "Yes, like the holidays of Labour Code 2019 Art. 112(1) (Art. 111(3)).",
            "not-made-up": "No compensatory day off.",
        },
        "The day is added to the list of public holidays of Labour Code Art. 112(1), and Art. "
        "111(3) gives a compensatory day for any such holiday falling on the weekly rest day. "
        "No official schedule for a weekend 24/11 exists yet (the first is 2029).",
        "issue 3 (calendar)",
    ),
)

_BY_ID = {i.id: i for i in CATALOGUE}

# The question of each interpretation in Vietnamese, for reports to legal staff.
QUESTION_VI: dict[str, str] = {
    "consultation-days": "Thời hạn 10 ngày trả lời ý kiến tính theo ngày lịch hay ngày làm việc?",
    "event-day-excluded": "Ngày xảy ra sự kiện (nhận hồ sơ, nhận ý kiến) có được tính là ngày thứ nhất không?",
    "roll-forward": "Thời hạn kết thúc vào ngày nghỉ thì có chuyển sang ngày làm việc tiếp theo không?",
    "authority-count-basis": "Khoản 1 Điều 12 đếm số bộ, ngành, địa phương quản lý hay số đơn vị chủ quản dữ liệu?",
    "procedure-many-sources": "Ba nguồn dữ liệu trở lên, hoặc nhiều nguồn của một đơn vị, áp dụng trình tự nào?",
    "same-manager-two-units": "Hai đơn vị chủ quản thuộc cùng một bộ, tỉnh: nộp hồ sơ cho bộ, tỉnh đó hay Trung tâm dữ liệu quốc gia?",
    "defence-overrides": "Có nguồn dữ liệu quốc phòng, cơ yếu thì Bộ Quốc phòng quyết định theo trình tự riêng bất kể số nguồn?",
    "form-order": "Mẫu (đơn đề nghị, Giấy chứng nhận) nào dành cho tổ chức, mẫu nào dành cho cá nhân?",
    "conviction-expunged-scope": "Điều kiện 'chưa được xóa án tích' có áp dụng cho cả tội xâm phạm an ninh quốc gia không?",
    "extension-window": "'Trong thời gian không quá 30 ngày, trước khi kết thúc' gồm những ngày nào?",
    "incident-written-report": "'Sau 03 ngày' gửi báo cáo sự cố bằng văn bản: trong 3 ngày hay từ ngày thứ 3 trở đi?",
    "quarterly-report-due": "Hạn nộp báo cáo quý (ngày 05) rơi vào ngày nghỉ thì xử lý thế nào?",
    "quarterly-report-quarters": "Báo cáo định kỳ hàng quý (khoản 3 Điều 18) cho mọi quý của thời hạn thử nghiệm kể từ khi được cấp, hay chỉ từ quý đã triển khai thử nghiệm?",
    "extension-limit": "'Gia hạn không quá thời gian thử nghiệm đã được phê duyệt': so sánh độ dài hay ngày kết thúc?",
    "revocation-timing": "Căn cứ 'sau 90 ngày kể từ ngày được cấp' phát sinh vào ngày nào?",
    "participant-exemption-scope": "Những quy trình, quy định nào phải thực hiện đầy đủ để được miễn trách nhiệm dân sự (khoản 2 Điều 22)?",
    "clock-stop-scope": "Thời gian giải trình không tính vào thời gian xử lý: dừng tính những bước nào?",
    "issuance-return": "Hồ sơ đề nghị cấp Giấy chứng nhận chưa đầy đủ có bị trả lại không (Điều 12 không quy định)?",
    "lengthening-adjustment-counts": "Điều chỉnh phương án dẫn đến gia hạn thời gian thử nghiệm (điểm c khoản 2 Điều 13) có tính là lần gia hạn duy nhất của khoản 2 Điều 10 không?",
    "reply-period-start": "Thời hạn 10 ngày trả lời ý kiến tính từ ngày gửi văn bản hay từ ngày đơn vị được lấy ý kiến nhận được?",
    "prosecution-scope": "'Đã bị khởi tố bị can' là bất kỳ lần bị khởi tố nào, hay chỉ vụ án đang được giải quyết?",
    "geographic-site-condition": "Khoản 1 Điều 10 giới hạn địa điểm của không gian địa lý, hay chỉ liệt kê các loại không gian?",
    "inspection-year": "'Định kỳ 01 lần/năm': mỗi 12 tháng kể từ ngày cấp hay mỗi năm dương lịch?",
    "inspection-individual": "Kiểm tra tại chỗ định kỳ 01 lần/năm (khoản 2 Điều 17) có áp dụng với cá nhân tham gia thử nghiệm không?",
    "ad-hoc-inspection": "Khoản 2 Điều 17 quy định kiểm tra định kỳ 01 lần/năm hoặc đột xuất khi có dấu hiệu thực hiện không đúng, không đầy đủ nội dung Giấy chứng nhận, với cùng nội dung kiểm tra và biên bản: lần kiểm tra đột xuất kết thúc trong năm có thay cho lần kiểm tra định kỳ của năm đó không?",
    "inspection-kind-unstated": "Khoản 2 Điều 17 phân biệt kiểm tra định kỳ 01 lần/năm với kiểm tra đột xuất khi có dấu hiệu thực hiện không đúng, không đầy đủ nội dung Giấy chứng nhận: lần kiểm tra mà hồ sơ không ghi loại có được tính là lần kiểm tra định kỳ của năm không?",
    "risk-assessment-period": "'Định kỳ hàng tháng, quý đánh giá rủi ro': đánh giá cả hằng tháng và hằng quý, hay hằng tháng hoặc hằng quý?",
    "authority-exemption-remit": "Miễn trách nhiệm theo khoản 1 Điều 22: phải thực hiện mọi trách nhiệm của Điều 20, hay chỉ những trách nhiệm trong phạm vi được giao?",
    "results-report-after-extension": "Sau khi gia hạn, Báo cáo kết quả đã nộp cho thời hạn trước (kèm đề nghị gia hạn) có thay cho báo cáo theo khoản 4 Điều 18 trước ngày kết thúc mới không?",
    "results-report-with-extension-request": "Báo cáo kết quả nộp kèm đề nghị gia hạn trong thời gian quy định tại khoản 1 Điều 14 (30 ngày trước khi kết thúc) có được coi là nộp đúng hạn theo khoản 4 Điều 18 (trước khi kết thúc ít nhất 30 ngày) cho thời hạn được đề nghị gia hạn không?",
    "culture-day-makeup": "Ngày Văn hóa Việt Nam (24/11) trùng ngày nghỉ hằng tuần thì có được nghỉ bù không?",
}


# What each option means, in Vietnamese, for reports to legal staff (the English meaning is
# the catalogue's own; a test checks every option of every interpretation has one here).
OPTION_VI: dict[tuple[str, str], str] = {
    (
        "consultation-days",
        "calendar-days",
    ): "10 ngày theo lịch; nếu ngày cuối là ngày nghỉ thì chuyển sang ngày làm việc tiếp theo (xem roll-forward)",
    ("consultation-days", "working-days"): "10 ngày làm việc",
    (
        "event-day-excluded",
        "excluded",
    ): "thời hạn bắt đầu từ ngày tiếp theo ngày xảy ra sự kiện (khoản 1 Điều 147 Bộ luật Dân sự 2015)",
    ("event-day-excluded", "included"): "ngày xảy ra sự kiện được tính là ngày thứ nhất",
    (
        "roll-forward",
        "next-working-day",
    ): "có: thời hạn kết thúc vào ngày làm việc tiếp theo (khoản 5 Điều 148 Bộ luật Dân sự 2015)",
    ("roll-forward", "no-roll"): "không: thời hạn kết thúc đúng ngày tính được, kể cả ngày nghỉ",
    (
        "authority-count-basis",
        "managing-bodies",
    ): "đếm số bộ, ngành, địa phương quản lý nguồn dữ liệu: một → điểm a, từ hai trở lên → điểm b khoản 1 Điều 12",
    (
        "authority-count-basis",
        "owning-units",
    ): "đếm số đơn vị chủ quản dữ liệu: hai đơn vị của cùng một bộ đã thuộc thẩm quyền Bộ Công an",
    (
        "procedure-many-sources",
        "two-or-more-is-12.4",
    ): "khoản 3 Điều 12 khi chỉ có một đơn vị chủ quản dữ liệu (kể cả nhiều nguồn của đơn vị đó); khoản 4 Điều 12 khi có từ hai đơn vị chủ quản trở lên",
    (
        "procedure-many-sources",
        "strict",
    ): "chỉ quyết định các trường hợp văn bản nêu đúng (một nguồn của một đơn vị → khoản 3; hai nguồn của hai đơn vị → khoản 4); trường hợp khác để cơ quan có thẩm quyền xác định",
    (
        "same-manager-two-units",
        "national-data-center",
    ): "trình tự theo số đơn vị chủ quản: hồ sơ gửi Trung tâm dữ liệu quốc gia theo khoản 4 Điều 12 để lấy ý kiến; bộ, tỉnh có thẩm quyền theo điểm a khoản 1 Điều 12 quyết định (điểm d khoản 4 Điều 12)",
    (
        "same-manager-two-units",
        "competent-authority",
    ): "cơ quan có thẩm quyền theo khoản 1 Điều 12 tiếp nhận hồ sơ, thực hiện theo khoản 3 Điều 12 và lấy ý kiến cả hai đơn vị",
    (
        "defence-overrides",
        "defence-decides",
    ): "có: điểm c khoản 1 Điều 12 được ưu tiên so với điểm b («trừ trường hợp quy định tại điểm c») và khoản 6 Điều 12 giao Bộ Quốc phòng quy định trình tự riêng",
    (
        "defence-overrides",
        "mps-receives",
    ): "Bộ Quốc phòng quyết định, nhưng hồ sơ có hai nguồn dữ liệu vẫn do Bộ Công an tiếp nhận theo khoản 4 Điều 12",
    (
        "form-order",
        "listed-order",
    ): "mẫu theo thứ tự «tổ chức, cá nhân» của văn bản: HĐTN01/03/05/09/11/13 cho tổ chức, HĐTN02/04/06/10/12/14 cho cá nhân",
    (
        "form-order",
        "reversed",
    ): "HĐTN01/03/05/09/11/13 cho cá nhân, HĐTN02/04/06/10/12/14 cho tổ chức (như thứ tự văn bản dùng cho báo cáo: HĐTN07 cá nhân, HĐTN08 tổ chức)",
    (
        "prosecution-scope",
        "as-stated",
    ): "theo đúng câu chữ: đã từng bị khởi tố bị can là không đáp ứng, kể cả khi vụ án đã kết thúc",
    (
        "prosecution-scope",
        "pending-only",
    ): "chỉ việc khởi tố còn đang giải quyết mới không đáp ứng; vụ án đã kết thúc (đình chỉ, tạm đình chỉ, tuyên vô tội) thì không",
    (
        "geographic-site-condition",
        "condition",
    ): "không gian địa lý phải ở địa điểm của tổ chức, cá nhân chủ trì hoặc địa điểm được đơn vị chủ quản dữ liệu hoặc Bộ Công an chấp thuận",
    (
        "geographic-site-condition",
        "descriptive",
    ): "khoản 1 Điều 10 chỉ liệt kê các loại không gian thử nghiệm; không đánh giá địa điểm",
    (
        "inspection-year",
        "twelve-months-from-issue",
    ): "mỗi khoảng 12 tháng kể từ ngày cấp Giấy chứng nhận kiểm tra một lần; mỗi năm kết thúc vào ngày tương ứng như thời hạn thử nghiệm (Điều 147, 148 Bộ luật Dân sự 2015), nên thử nghiệm tròn ba năm có ba năm kiểm tra",
    ("inspection-year", "calendar-year"): "mỗi năm dương lịch có thử nghiệm kiểm tra một lần",
    (
        "issuance-return",
        "no-return",
    ): "Điều 12 không quy định trả lại: hồ sơ chưa đầy đủ chưa được xử lý (thời hạn 03 ngày làm việc chỉ tính từ ngày nhận đủ hồ sơ hợp lệ) và chờ bổ sung; sự kiện «trả lại hồ sơ» bị từ chối",
    (
        "issuance-return",
        "returned",
    ): "tương tự đoạn 2 điểm b khoản 3 Điều 13 và đoạn 2 điểm b khoản 3 Điều 16, hồ sơ chưa đầy đủ có thể bị trả lại bằng văn bản",
    (
        "lengthening-adjustment-counts",
        "counts-as-extension",
    ): "có: điều chỉnh kéo dài thời gian thử nghiệm là lần gia hạn duy nhất theo khoản 2 Điều 10; sau đó không được gia hạn theo Điều 14 hay điều chỉnh kéo dài lần nữa",
    (
        "lengthening-adjustment-counts",
        "art14-only",
    ): "không: chỉ gia hạn theo Điều 14 được tính theo khoản 2 Điều 10; điều chỉnh kéo dài chỉ dời ngày kết thúc đã phê duyệt",
    ("reply-period-start", "from-sending"): "từ ngày cơ quan gửi văn bản lấy ý kiến",
    (
        "reply-period-start",
        "from-receipt",
    ): "từ ngày đơn vị được lấy ý kiến nhận được văn bản; khi chưa biết ngày nhận thì tạm tính từ ngày gửi và ghi rõ là giả định",
    (
        "conviction-expunged-scope",
        "both",
    ): "bản án chỉ làm không đáp ứng khi chưa được xóa án tích, cho cả tội xâm phạm an ninh quốc gia và tội khác do lỗi cố ý từ 03 năm tù trở lên",
    (
        "conviction-expunged-scope",
        "national-security-always",
    ): "đã bị kết án về tội xâm phạm an ninh quốc gia là không đáp ứng kể cả khi đã được xóa án tích; điều kiện xóa án tích chỉ áp dụng cho tội khác",
    (
        "extension-window",
        "thirty-days-before-end",
    ): "từ ngày thứ 30 trước ngày kết thúc đến ngày liền trước ngày kết thúc",
    (
        "extension-window",
        "including-end-day",
    ): "từ ngày thứ 30 trước ngày kết thúc đến hết ngày kết thúc",
    (
        "incident-written-report",
        "within-three-days",
    ): "báo cáo bằng văn bản chậm nhất 03 ngày sau khi phát hiện sự cố",
    (
        "incident-written-report",
        "after-three-days",
    ): "báo cáo bằng văn bản sau khi đã qua 03 ngày (sớm nhất vào ngày thứ 3), văn bản không ấn định hạn chót",
    (
        "quarterly-report-due",
        "next-working-day",
    ): "nộp vào ngày làm việc tiếp theo (khoản 5 Điều 148 Bộ luật Dân sự 2015)",
    ("quarterly-report-due", "fixed-date"): "vẫn là ngày 05, bất kể ngày nghỉ",
    (
        "quarterly-report-due",
        "previous-working-day",
    ): "nộp vào ngày làm việc cuối cùng trước hoặc đúng ngày 05",
    (
        "quarterly-report-quarters",
        "every-quarter-of-the-period",
    ): "mỗi quý của thời hạn thử nghiệm kể từ khi được cấp đều báo cáo, kể cả quý đầu, quý cuối không trọn và quý chưa triển khai thử nghiệm",
    (
        "quarterly-report-quarters",
        "quarters-of-testing",
    ): "báo cáo từ quý đã triển khai thử nghiệm (sự kiện bắt đầu thử nghiệm); quý trước đó không phải báo cáo",
    (
        "results-report-after-extension",
        "new-report",
    ): "không: mỗi ngày kết thúc có hiệu lực cần một Báo cáo kết quả nộp trước ít nhất 30 ngày; báo cáo nộp trước khi gia hạn (kèm đề nghị gia hạn) là của thời hạn trước, thời hạn đã gia hạn cần báo cáo mới",
    (
        "results-report-with-extension-request",
        "with-request-on-time",
    ): "có: Báo cáo kết quả nộp cùng ngày với đề nghị gia hạn gửi trong thời gian quy định tại khoản 1 Điều 14 là đúng hạn theo khoản 4 Điều 18 cho ngày kết thúc được đề nghị gia hạn; khi thời gian đó còn và chưa nộp gì thì báo cáo chưa quá hạn (chưa xác định được); báo cáo nộp không kèm đề nghị, hoặc đề nghị ngoài thời gian đó, xét theo hạn của khoản 4 Điều 18",
    (
        "results-report-with-extension-request",
        "separate-18.4-date",
    ): "không: hạn của khoản 4 Điều 18 áp dụng độc lập; muốn gia hạn thì nộp Báo cáo kết quả trước khi kết thúc ít nhất 30 ngày rồi gửi kèm đề nghị gia hạn; báo cáo nộp lần đầu cùng đề nghị gia hạn là trễ hạn",
    (
        "results-report-after-extension",
        "earlier-report-counts",
    ): "có: bất kỳ Báo cáo kết quả nào nộp trước ngày kết thúc có hiệu lực ít nhất 30 ngày, kể cả báo cáo kèm đề nghị gia hạn, đều được tính",
    (
        "extension-limit",
        "compare-durations",
    ): "thời gian gia hạn không dài hơn thời gian thử nghiệm đã được phê duyệt (ví dụ phê duyệt 18 tháng → gia hạn tối đa 18 tháng)",
    (
        "extension-limit",
        "compare-end-dates",
    ): "ngày kết thúc sau gia hạn không muộn hơn ngày kết thúc đã phê duyệt cộng thời gian đã phê duyệt tính theo ngày",
    (
        "revocation-timing",
        "day-after-ninety",
    ): "90 ngày tính từ ngày tiếp theo ngày cấp (khoản 1 Điều 147 Bộ luật Dân sự); căn cứ phát sinh vào ngày sau ngày thứ 90; quyết định chậm nhất 15 ngày sau đó",
    ("revocation-timing", "ninetieth-day"): "căn cứ phát sinh ngay vào ngày thứ 90 kể từ ngày cấp",
    (
        "participant-exemption-scope",
        "chapter-duties-and-attested-other-law",
    ): "mọi trách nhiệm của bên tham gia trong Chương II được ghi nhận là đã thực hiện, không hạn nào của lịch nghĩa vụ bị quá hạn hoặc thực hiện muộn, và việc tuân thủ pháp luật liên quan khác được xác nhận",
    (
        "clock-stop-scope",
        "authority-steps",
    ): "các bước xử lý của cơ quan (gửi lấy ý kiến, quyết định) còn đang chạy vào ngày có văn bản yêu cầu giải trình được cộng thêm số ngày làm việc giải trình; thời hạn 10 ngày trả lời ý kiến không dừng",
    (
        "clock-stop-scope",
        "all-steps",
    ): "mọi bước đang chạy trong thời gian giải trình đều được cộng thêm, kể cả thời hạn trả lời ý kiến",
    (
        "inspection-individual",
        "organisations-only",
    ): "kiểm tra tại chỗ định kỳ hằng năm chỉ áp dụng với tổ chức; với cá nhân chỉ ghi chú về kiểm tra đột xuất và việc theo dõi định kỳ",
    (
        "inspection-individual",
        "all-participants",
    ): "hiểu «tổ chức» là mọi bên tham gia: cá nhân cũng được kiểm tra tại chỗ mỗi năm một lần",
    (
        "ad-hoc-inspection",
        "separate",
    ): "không: kiểm tra định kỳ mỗi năm một lần vẫn phải thực hiện; kiểm tra đột xuất là để xử lý dấu hiệu vi phạm, không thay cho lần kiểm tra định kỳ của năm",
    (
        "ad-hoc-inspection",
        "counts-for-the-year",
    ): "có: lần kiểm tra tại chỗ theo khoản 2 Điều 17, đột xuất hay định kỳ, có nội dung và biên bản kiểm tra, là lần kiểm tra của năm; năm có lần kiểm tra đó kết thúc là đã thực hiện",
    (
        "inspection-kind-unstated",
        "counts-as-periodic",
    ): "có: lần kiểm tra không ghi loại được tính là kiểm tra định kỳ (khoản 2 Điều 17); năm có lần kiểm tra đó kết thúc là đã thực hiện",
    (
        "inspection-kind-unstated",
        "undetermined",
    ): "chưa biết: lần kiểm tra không ghi loại có thể là kiểm tra đột xuất; năm đó chưa xác định được, trừ khi trong năm còn có lần kiểm tra định kỳ kết thúc; năm không có lần kiểm tra nào vẫn là để biết",
    (
        "risk-assessment-period",
        "monthly-and-quarterly",
    ): "cả hai: mỗi tháng và mỗi quý của thời gian thử nghiệm đều đánh giá một lần",
    (
        "risk-assessment-period",
        "monthly-or-quarterly",
    ): "một trong hai: đánh giá hằng tháng hoặc hằng quý; lịch hiển thị mỗi quý một lần (khoảng dài nhất văn bản cho phép)",
    (
        "authority-exemption-remit",
        "within-remit",
    ): "chỉ các trách nhiệm của Điều 20 trong phạm vi được giao; chưa rõ phạm vi thì một trách nhiệm chưa thực hiện làm kết quả miễn trách nhiệm chưa xác định",
    (
        "authority-exemption-remit",
        "all-article-20",
    ): "phải thực hiện mọi trách nhiệm của Điều 20 (khoản 1 đến khoản 6), bất kể phạm vi được giao",
    (
        "culture-day-makeup",
        "made-up",
    ): "có, như các ngày lễ theo khoản 1 Điều 112 Bộ luật Lao động 2019 (khoản 3 Điều 111)",
    ("culture-day-makeup", "not-made-up"): "không được nghỉ bù",
}


def option_vi(interpretation_id: str, option: str) -> str:
    """What an option means, in Vietnamese (its English meaning where none is written yet)."""
    return OPTION_VI.get((interpretation_id, option)) or get(interpretation_id).options[option]


def question_vi(interpretation_id: str) -> str:
    return QUESTION_VI.get(interpretation_id, get(interpretation_id).question)


def get(interpretation_id: str) -> Interpretation:
    try:
        return _BY_ID[interpretation_id]
    except KeyError:
        raise InterpretationError.from_key(
            "error.interpretation_unknown", id=brief(interpretation_id), known=", ".join(_BY_ID)
        ) from None


@dataclass(frozen=True, slots=True)
class Interpretations:
    """A caller's choices; anything not chosen takes the default. Immutable and hashable."""

    chosen: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, choices: Mapping[str, str] | Interpretations | None = None) -> Interpretations:
        if choices is None:
            return DEFAULTS
        if isinstance(choices, Interpretations):
            return choices
        if not isinstance(choices, Mapping):
            raise InterpretationError.from_key("error.interpretations_not_mapping")
        if not choices:
            return DEFAULTS  # the same value; one shared instance
        for key, value in choices.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise InterpretationError.from_key(
                    "error.interpretation_strings", key=brief(key), value=brief(value)
                )
            get(key).check(value)
        return cls(tuple(sorted(choices.items())))

    def __getitem__(self, interpretation_id: str) -> str:
        for key, value in self.chosen:
            if key == interpretation_id:
                return value
        return get(interpretation_id).default

    def used(self, *ids: str) -> dict[str, str]:
        """The options in force for these ids, for recording in a result."""
        return {i: self[i] for i in ids}

    def __iter__(self) -> Iterator[str]:
        return iter(_BY_ID)

    def calendar(self) -> VietnamCalendar:
        """The working-day calendar under these readings (event day, roll-forward, 24/11).

        Calendars are immutable, so one is built per set of calendar readings and shared."""
        return _calendar_of(self)


@lru_cache(maxsize=256)
def _calendar_of(interp: Interpretations) -> VietnamCalendar:
    from sandbox_rules.calendar.core import CALENDAR_INTERPRETATIONS

    return _calendar(tuple(c for c in interp.chosen if c[0] in CALENDAR_INTERPRETATIONS))


@cache
def _calendar(choices: tuple[tuple[str, str], ...]) -> VietnamCalendar:
    # Keyed by immutable values and bounded by the finite set of readings; a race builds two
    # equal calendars and keeps one, so no lock is needed.
    from sandbox_rules.calendar import VietnamCalendar

    return VietnamCalendar(interpretations=dict(choices))


DEFAULTS = Interpretations()
