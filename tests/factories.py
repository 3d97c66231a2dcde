import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from agreements.models import Agreement, CooperationField, ImplementationActivity
from delegations.models import Delegation, Event
from foreignaffairs.core.roles import LEADER
from foreignaffairs.reports.models import ReportedFigure
from partners.models import PartnerLocality
from plans.models import AnnualPlan, PlanItem


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    password = factory.django.Password("mật-khẩu-thử")
    is_staff = True


class PartnerLocalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerLocality

    name = factory.Sequence(lambda n: f"Địa phương {n}")
    name_en = factory.Sequence(lambda n: f"Locality {n}")
    country = "JP"
    established_on = datetime.date(2010, 5, 1)


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    title = factory.Sequence(lambda n: f"Đoàn khách số {n}")
    direction = "incoming"
    level = "other"
    country = "JP"
    status = "completed"
    start_date = datetime.date(2017, 3, 10)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Sự kiện đối ngoại {n}")
    status = "held"
    role = "host"
    start_date = datetime.date(2017, 6, 1)


class CooperationFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationField
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"field-{n}")
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Biên bản ghi nhớ hợp tác số {n}")
    kind = "mou"
    status = "in_force"
    signed_on = datetime.date(2017, 9, 15)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)


class ImplementationActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImplementationActivity

    agreement = factory.SubFactory(AgreementFactory)
    date = datetime.date(2018, 1, 10)
    description = "Họp trực tuyến rà soát kế hoạch hợp tác"


class ReportedFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportedFigure

    metric = "incoming_delegations"
    period_start = datetime.date(2017, 1, 1)
    period_end = datetime.date(2017, 12, 31)
    value = 155
    source = "Báo cáo tổng kết năm 2017"


class AnnualPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualPlan
        django_get_or_create = ["year"]

    year = 2017
    decision_number = "5678/QĐ-UBND"
    approved_on = datetime.date(2016, 12, 20)


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem
        skip_postgeneration_save = True

    plan = factory.SubFactory(AnnualPlanFactory)
    kind = "incoming"
    title = factory.Sequence(lambda n: f"Đón đoàn theo chương trình số {n}")
    country = "JP"
    quarter = 2

    @factory.post_generation
    def delegations(self, create, extracted, **kwargs):
        if create and extracted:
            self.delegations.set(extracted)


def with_role(user, role: str = LEADER):
    """`user` in the group of `role`: what the dashboard, its workbook and the statistics
    ask of a person (the group's permissions come from `setup_roles`)."""
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user
