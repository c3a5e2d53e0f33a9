import strawberry

from accountql.models import LoginMethod as LoginMethodModel
from accountql.models import Role as RoleModel
from accountql.models import SecondFactor as SecondFactorModel

Role = strawberry.enum(RoleModel, description="A member's role in an organization.")
LoginMethod = strawberry.enum(LoginMethodModel, description="How a login attempt proved who it was.")
SecondFactor = strawberry.enum(
    SecondFactorModel, description="The second factor a login presented."
)
