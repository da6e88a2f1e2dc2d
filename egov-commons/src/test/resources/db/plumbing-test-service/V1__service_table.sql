-- a service's own first migration (EventPlumbingMigrationsIT)
create table service_thing (id bigint primary key, name text not null);
