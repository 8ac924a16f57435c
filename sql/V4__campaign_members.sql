-- Campaign members carry their Salesforce status: a reference to a campaign member (kinds
-- CAMPAIGN_CONTACT and CAMPAIGN_LEAD) keeps it until the member's lead or contact is linked,
-- and resolving it sets crm_campaign_member.status.
ALTER TABLE sync_reference ADD COLUMN status VARCHAR(40) NULL AFTER name;
