/** The fixed instruction text appended to a spec (§4.3), six reasoning types only. */

const INSTRUCTIONS = `IMPORTANT: For each significant decision you make during code generation, output an event tag with your reasoning.

Use this format for decisions:
<event type="decision_type">
  <decision>What you chose to implement</decision>
  <alternatives>Alternative 1, Alternative 2, Alternative 3</alternatives>
  <reasoning>Why you chose this approach over the alternatives</reasoning>
  <confidence>0.0-1.0</confidence>
  <code_section>relevant function/module name (optional)</code_section>
  <spec_reference>relevant spec section (optional)</spec_reference>
</event>

Event types you can use:
- hypothesis_formed: When you form an initial approach or solution hypothesis
- alternative_rejected: When you explicitly reject an alternative approach
- constraint_evaluated: When you evaluate a constraint or requirement
- pattern_applied: When you apply a specific design pattern
- ambiguity_flagged: When you encounter ambiguity in the specification
- confidence_updated: When your confidence in a decision changes

After all events, provide your implementation in:
<code>
your code here
</code>

Ensure you emit events for:
1. Major architectural decisions
2. Choice of data structures or algorithms
3. API design decisions
4. Error handling strategies
5. Performance vs. clarity tradeoffs
`;

export function buildCausalPrompt(spec: string): string {
  return `${spec}\n\n${INSTRUCTIONS}`;
}
