-- a service migration written after the plumbing got its own history (EventPlumbingMigrationsIT)
create table service_later_thing (id bigint primary key);
