fetch("/camunda/api/admin/auth/user/default");
