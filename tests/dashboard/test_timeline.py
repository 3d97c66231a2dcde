import datetime

from foreignaffairs.reports.exchanges import partner_timeline
from tests.factories import AgreementFactory, PartnerLocalityFactory


def test_the_partner_timeline_shows_an_expired_agreement_as_expired(db):
    partner = PartnerLocalityFactory()
    AgreementFactory(
        partners=[partner],
        title="Biên bản ghi nhớ đã hết hạn",
        status="in_force",
        auto_renew=False,
        signed_on=datetime.date(2015, 1, 1),
        expires_on=datetime.date(2020, 1, 1),
    )
    AgreementFactory(partners=[partner], title="Thỏa thuận còn hiệu lực", status="in_force")
    statuses = {entry.title: entry.status for entry in partner_timeline(partner)}
    assert statuses["Biên bản ghi nhớ đã hết hạn"] == "Hết hiệu lực"
    assert statuses["Thỏa thuận còn hiệu lực"] == "Đang có hiệu lực"
