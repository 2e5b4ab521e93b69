"""Errors of the tenancy module.

The ``code`` of each error is part of the API: clients match on it, so it
never changes once released. ``default_message`` (translated) or the
docstring is the default message.
"""

from django.utils.translation import gettext_lazy as _

from orion.exceptions import NotFoundError, OrionError, PermissionDeniedError, ValidationFailedError


class TenancyError(OrionError):
    """An error of the tenancy module; every other error here derives from it."""

    code = "tenancy_error"


class PlatformNotFoundError(TenancyError, NotFoundError):
    """No active platform answers on this host."""

    code = "platform_not_found"


class StoreNotFoundError(TenancyError, NotFoundError):
    """The store does not exist or is not active on this platform."""

    code = "store_not_found"


class DomainTakenError(TenancyError, ValidationFailedError):
    default_message = _("This domain is already connected to a store.")

    code = "domain_taken"


class DomainReservedError(TenancyError, ValidationFailedError):
    default_message = _("This is a domain of the platform (or under one); connect a domain of your own.")

    code = "domain_reserved"


class StoreCodeTakenError(TenancyError, ValidationFailedError):
    default_message = _("Another store on this platform already uses this code.")

    code = "store_code_taken"


class LastOwnerError(TenancyError, ValidationFailedError):
    default_message = _("A store keeps at least one owner: make someone else owner first.")

    code = "last_owner"


class PermissionEscalationError(TenancyError, PermissionDeniedError):
    default_message = _("You cannot grant a permission or role you do not hold yourself.")

    code = "permission_escalation"


class OwnMembershipError(TenancyError, PermissionDeniedError):
    default_message = _("You cannot change your own role; ask another owner.")

    code = "own_membership"


class UnknownPermissionError(TenancyError, ValidationFailedError):
    default_message = _("A role can only grant permissions that the platform's modules declare.")

    code = "unknown_permission"


class BuiltinRoleError(TenancyError, ValidationFailedError):
    default_message = _("Built-in roles cannot be edited or deleted.")

    code = "builtin_role"


class RoleInUseError(TenancyError, ValidationFailedError):
    default_message = _("Members or open invitations still use this role.")

    code = "role_in_use"


class AlreadyMemberError(TenancyError, ValidationFailedError):
    default_message = _("This person is already on the store's team.")

    code = "already_member"


class InvitationInvalidError(TenancyError, NotFoundError):
    default_message = _("This invitation does not exist, has expired, was revoked or was already used.")

    code = "invitation_invalid"


class AccountExistsError(TenancyError, ValidationFailedError):
    default_message = _("An account with this email address already exists: log in to accept the invitation.")

    code = "account_exists"


class NotAllowedError(TenancyError, PermissionDeniedError):
    default_message = _("Your role in this store does not allow this.")

    code = "not_allowed"


class InvitationWrongUserError(TenancyError, PermissionDeniedError):
    default_message = _("This invitation was sent to another email address. Log in as that user to accept it.")

    code = "invitation_wrong_user"
