// Texts for action items, contracts, RACIs and reviews, with the same slots as session-text.ts.
/** What the leader will do, and how the coach will know it happened. */
type ActionText = readonly [text: string, verification: string];

export const actionTexts: readonly ActionText[] = [
  ['Run the {ritual} with the new commitment-review agenda', 'Agenda visible in the meeting invite and the minutes'],
  [
    'Draft the "{decision}" row of the RACI and share it with {teammate}',
    'RACI row signed off by {teammate} in {tool}',
  ],
  ['Book a weekly 15-minute check-in with {stakeholder}', 'Calendar shows the check-in held three weeks running'],
  ['Log escalations for {weeks} weeks with raised and owned times', 'Escalation log shared at the next session'],
  ['Publish the revised {artifact} in {tool}', 'Link to the {artifact} sits next to the team OKRs'],
  [
    'Hold a 1:1 with {teammate} that ends with one documented next step',
    '{teammate} confirms the action in their own notes',
  ],
  ['Ask the team to propose three escalation rules', 'Draft rules brought to the next session'],
  ['Give each {team} key result a single owner', 'Key results in {tool} each show one owner'],
  ['Share the sponsor-review outline with {stakeholder}', '{stakeholder} replied with comments'],
  [
    'Replace the status round in the {ritual} with the three commitments at risk',
    'Minutes of the {ritual} list the commitments at risk',
  ],
  ['Give {teammate} feedback on the missed handoff', '{teammate} confirms the feedback conversation happened'],
  [
    'Write acceptance criteria for the handoff between {team} and the next team',
    'Criteria line present on new handoff tickets',
  ],
  [
    'Cancel the weekly status report and explain why to {stakeholder}',
    'No report sent for two weeks, no complaints logged',
  ],
  ['Bring the {metric} trend to the next session', 'Chart shared at the start of the next session'],
  ['Review the {artifact} with the team at the {ritual}', 'Review noted in the {ritual} minutes'],
  ['Hand the "{decision}" decision to {teammate} for one sprint', 'Sprint notes show {teammate} made the call'],
  ['Agree the 24-hour blocker rule with the team', 'Rule written into the team working agreement'],
  ['Move status updates for the {ritual} into a written thread', 'Thread has updates from everyone before the meeting'],
  ['Ask {teammate2} to shadow the {ritual} and give feedback', 'Feedback notes from {teammate2}'],
  ['Update the OKR touchpoints in {tool} every {day}', 'Weekly updates visible in {tool} for a month'],
];

export const experimentTexts: readonly ActionText[] = [
  [
    'Experiment: cut the {ritual} to 20 minutes for two sprints and compare the {metric}',
    'The {metric} for both sprints, before and after',
  ],
  ['Experiment: {teammate} facilitates the {ritual} for {weeks} weeks', 'Team retro notes on the rotation'],
  [
    'Experiment: written updates before the {ritual}, meeting time only for commitments at risk',
    'Meeting length and missed commitments logged each week',
  ],
  ['Experiment: every blocker gets an owner within 24 hours for a month', 'Escalation log with raised and owned times'],
  ['Experiment: no meetings on {day} mornings for {weeks} weeks', 'Calendar check and a team pulse at the end'],
  ['Experiment: close each 1:1 by reading back the action, owner and date', '1:1 pulse scores for documented action'],
];

export const blockedReasons = [
  'Waiting for {stakeholder} to confirm who holds the budget decision',
  '{teammate} is on leave until the end of the month',
  'No access to the {tool} workspace yet',
  'Reorganisation announced; team boundaries unclear until it lands',
  'Incident freeze: no process changes during the peak period',
  'Needs sign-off from legal before the new rule can be published',
  'The other hub has not agreed to the handoff criteria',
] as const;

export const unblockReasons = [
  'Access granted',
  'Decision confirmed by {stakeholder}',
  '{teammate} is back',
  'Freeze lifted',
  'Reorganisation settled',
] as const;

export const dropReasons = [
  'Superseded by the new planning cadence',
  'No longer relevant after the reorganisation',
  'The team chose a different experiment',
  'Sponsor asked to pause this work',
] as const;

export const commitmentTexts = [
  'Every {ritual} ends with named owners and due dates',
  'Missed commitments are raised at the standup with a remediation step',
  'Blockers get an owner within 24 hours',
  'Each key result has one owner and a weekly touchpoint',
  'Handoffs meet the agreed acceptance criteria before they move',
  'Weekly 1:1s happen and end with a documented action',
  'The RACI is reviewed at every sprint retrospective',
  'Escalations follow the agreed rule set, not the loudest voice',
  'One PDCA experiment is running at any time',
  'Scope changes mid-sprint are agreed by the accountable person only',
] as const;

export const acceptanceCriteria = [
  'Minutes of four consecutive meetings show an owner and a date for every commitment',
  'The escalation log shows an owner assigned within 24 hours in nine cases out of ten',
  'Every key result in {tool} has one name against it and an update in the last week',
  'Handoff tickets carry the acceptance-criteria line; reopen rate below {percent}%',
  '1:1 pulse median of 4 or more for the quarter',
  'Retrospective notes record a RACI check at least every other sprint',
  'Experiment log lists hypothesis, result and decision for each experiment',
] as const;

export const raciRoles = [
  'Team lead',
  'Product owner',
  'Engineering manager',
  'Ops lead',
  'Sponsor',
  'Finance partner',
  'Tech lead',
  'Delivery manager',
  'HR business partner',
  'Quality lead',
] as const;

export const raciDecisions = [
  'Sprint commitment',
  'Escalating a blocker past 24 hours',
  'Changing scope mid-sprint',
  'Incident severity call',
  'Hiring a contractor',
  'Releasing to production',
  'Reprioritising the backlog',
  'Approving overtime',
  'Closing a customer escalation',
  'Changing an OKR mid-quarter',
  'Accepting a handoff',
  'Spending under the team budget',
] as const;

export const contractTitles = [
  '{team} accountability contract',
  '{team} commitment reviews',
  '{team} escalation and handoffs',
  '{team} decision rights',
  '{team} OKR follow-through',
] as const;

export const reviewNotes = [
  'Reviewed with {name} and {teammate}. The team now names missed commitments without prompting.',
  'Mixed period: the incident load pushed two commitments off track. Agreed a recovery plan.',
  'The RACI held under pressure this cycle; one decision bounced once and was settled in a day.',
  '{stakeholder} joined the review and asked for the {metric} trend monthly.',
  'Acceptance criteria tightened after the team found them too easy to meet on paper.',
  'Good progress; the contract is starting to run without the coach in the room.',
  'Two commitments at risk because of the reorganisation; owners confirmed, dates moved.',
] as const;

export const participantNotes = [
  'Prefers early-morning sessions and written pre-reads.',
  'Strong operator who tends to rescue the team; working on stepping back.',
  'Came through the spring cohort; sponsor is very engaged.',
  'New to managing managers; wants practice with difficult conversations.',
  'Asked that notes stay private; share action items by first name only.',
  'Runs a distributed team across three time zones.',
  'Keen on data; brings charts from {tool} to every session.',
  'Took over the team after a reorganisation; trust is still being rebuilt.',
] as const;
