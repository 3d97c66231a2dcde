"""What leaders read: published figures, the counting rules composed into statistics (the
only place that counts), the summary paragraph, the partners' exchanges and dormancy, the
attention lists, the dashboard and the yearly workbook.

May import the domain apps (`agreements`, `delegations`, `partners`) and `core`; never
`foreignaffairs.api`.
"""
