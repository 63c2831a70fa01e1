-- The fee a step costs when it really went out (the strategy decision's fee column); null: none.
alter table ticket_step add column fee_amount numeric(19, 2);
alter table ticket_step add column fee_currency varchar(3);
