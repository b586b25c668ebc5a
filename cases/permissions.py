"""Role checks for views. Rows come from `filter_for_user`; this only decides whether a role may
open a page at all (403), which the permission matrix test walks for every URL."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from cases.scope import scope_for


def rol_vereist(*soorten: str):
    """View decorator: logged in, and holding at least one of `soorten` (403 otherwise)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not scope_for(request.user).heeft(*soorten):
                raise PermissionDenied("Deze pagina hoort niet bij uw rol.")
            return view(request, *args, **kwargs)

        wrapper.passend_rollen = frozenset(soorten)
        return wrapper

    return decorator


class RolVereistMixin(LoginRequiredMixin):
    """Class-based counterpart of `rol_vereist`; set `rollen` on the view."""

    rollen: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.rollen and not scope_for(request.user).heeft(*self.rollen):
            raise PermissionDenied("Deze pagina hoort niet bij uw rol.")
        return super().dispatch(request, *args, **kwargs)
