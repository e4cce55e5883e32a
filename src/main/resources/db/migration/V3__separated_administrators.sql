-- 三员分立: the former all-powerful ADMIN becomes the system administrator (organisation and users only).
UPDATE app_user_role SET role = 'SYSTEM_ADMIN' WHERE role = 'ADMIN';
