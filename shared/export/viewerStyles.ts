/** The viewer's stylesheets and script, as the reference writes them (§11). */

export const VIEWER_CSS_LIGHT = `* {
  margin: 0;
  padding: 0;
  box-sizing: border-box;
}

body {
  font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Oxygen, Ubuntu, Cantarell, sans-serif;
  line-height: 1.6;
  color: #333;
  background: #f5f5f5;
}

.container {
  max-width: 1200px;
  margin: 0 auto;
  padding: 20px;
}

header {
  background: white;
  padding: 30px;
  border-radius: 8px;
  margin-bottom: 20px;
  box-shadow: 0 2px 4px rgba(0,0,0,0.1);
}

h1 {
  color: #2c3e50;
  margin-bottom: 10px;
}

h2 {
  color: #34495e;
  margin-bottom: 15px;
  padding-bottom: 10px;
  border-bottom: 2px solid #3498db;
}

.description {
  color: #666;
  font-size: 1.1em;
  margin-bottom: 15px;
}

.metadata {
  display: flex;
  gap: 20px;
  flex-wrap: wrap;
  color: #7f8c8d;
  font-size: 0.9em;
  margin-top: 15px;
}

.statistics {
  background: white;
  padding: 25px;
  border-radius: 8px;
  margin-bottom: 20px;
  box-shadow: 0 2px 4px rgba(0,0,0,0.1);
}

.stats-grid {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
  gap: 20px;
  margin-top: 15px;
}

.stat-item {
  padding: 15px;
  background: #f8f9fa;
  border-radius: 6px;
  border-left: 4px solid #3498db;
}

.stat-label {
  font-size: 0.9em;
  color: #7f8c8d;
  margin-bottom: 5px;
}

.stat-value {
  font-size: 1.8em;
  font-weight: bold;
  color: #2c3e50;
}

.timeline {
  background: white;
  padding: 25px;
  border-radius: 8px;
  margin-bottom: 20px;
  box-shadow: 0 2px 4px rgba(0,0,0,0.1);
}

.timeline-bar {
  height: 40px;
  background: #ecf0f1;
  border-radius: 20px;
  position: relative;
  overflow: hidden;
}

.timeline-marker {
  position: absolute;
  width: 3px;
  height: 100%;
  background: #3498db;
  transition: all 0.3s;
}

.timeline-marker:hover {
  width: 6px;
  background: #2980b9;
}

.events {
  background: white;
  padding: 25px;
  border-radius: 8px;
  box-shadow: 0 2px 4px rgba(0,0,0,0.1);
}

.filter-controls {
  display: flex;
  gap: 20px;
  margin-bottom: 20px;
  padding: 15px;
  background: #f8f9fa;
  border-radius: 6px;
  flex-wrap: wrap;
}

.filter-controls label {
  display: flex;
  align-items: center;
  gap: 10px;
  font-size: 0.95em;
}

.filter-controls select,
.filter-controls input[type="range"] {
  padding: 5px 10px;
  border: 1px solid #ddd;
  border-radius: 4px;
}

.event {
  margin-bottom: 20px;
  padding: 20px;
  border-left: 4px solid #3498db;
  background: #f8f9fa;
  border-radius: 4px;
  transition: all 0.3s;
}

.event:hover {
  box-shadow: 0 2px 8px rgba(0,0,0,0.1);
  transform: translateX(5px);
}

.event.hidden {
  display: none;
}

.event-header {
  display: flex;
  justify-content: space-between;
  align-items: start;
  margin-bottom: 15px;
}

.event-type {
  display: inline-block;
  padding: 4px 12px;
  border-radius: 12px;
  font-size: 0.85em;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.5px;
}

.event-type.hypothesis_formed {
  background: #e8f5e9;
  color: #2e7d32;
}

.event-type.alternative_rejected {
  background: #ffebee;
  color: #c62828;
}

.event-type.constraint_evaluated {
  background: #fff3e0;
  color: #ef6c00;
}

.event-type.pattern_applied {
  background: #e3f2fd;
  color: #1565c0;
}

.event-type.ambiguity_flagged {
  background: #fff9c4;
  color: #f57f17;
}

.event-type.confidence_updated {
  background: #f3e5f5;
  color: #6a1b9a;
}

.confidence-badge {
  padding: 4px 10px;
  border-radius: 12px;
  font-size: 0.85em;
  font-weight: 600;
}

.confidence-high {
  background: #c8e6c9;
  color: #2e7d32;
}

.confidence-medium {
  background: #fff9c4;
  color: #f57f17;
}

.confidence-low {
  background: #ffcdd2;
  color: #c62828;
}

.decision {
  font-size: 1.1em;
  font-weight: 600;
  color: #2c3e50;
  margin-bottom: 10px;
}

.reasoning {
  color: #555;
  margin-bottom: 15px;
  line-height: 1.6;
}

.alternatives {
  background: white;
  padding: 12px;
  border-radius: 4px;
  margin-bottom: 10px;
}

.alternatives-label {
  font-weight: 600;
  color: #7f8c8d;
  font-size: 0.9em;
  margin-bottom: 5px;
}

.alternative-item {
  padding: 4px 8px;
  margin: 4px 0;
  color: #666;
}

.alternative-item:before {
  content: "• ";
  color: #3498db;
  font-weight: bold;
}

.event-meta {
  display: flex;
  gap: 15px;
  flex-wrap: wrap;
  margin-top: 15px;
  padding-top: 15px;
  border-top: 1px solid #ddd;
  font-size: 0.9em;
  color: #7f8c8d;
}

.code-section {
  font-family: 'Monaco', 'Menlo', monospace;
  background: #2c3e50;
  color: #ecf0f1;
  padding: 2px 6px;
  border-radius: 3px;
  font-size: 0.9em;
}
`;

export const VIEWER_CSS_DARK = `/* Dark theme - similar structure with dark colors */
body { background: #1a1a1a; color: #e0e0e0; }
header, .statistics, .timeline, .events { background: #2d2d2d; }
.event { background: #3a3a3a; }
/* ... more dark theme styles ... */
`;

export const VIEWER_SCRIPT = `function filterEvents() {
  const typeFilter = document.getElementById('typeFilter').value;
  const confidenceThreshold = document.getElementById('confidenceSlider').value / 100;
  const events = document.querySelectorAll('.event');

  events.forEach(event => {
    const eventType = event.dataset.type;
    const eventConfidence = parseFloat(event.dataset.confidence);

    const typeMatch = typeFilter === 'all' || eventType === typeFilter;
    const confidenceMatch = eventConfidence >= confidenceThreshold;

    if (typeMatch && confidenceMatch) {
      event.classList.remove('hidden');
    } else {
      event.classList.add('hidden');
    }
  });
}

function updateConfidenceLabel(value) {
  document.getElementById('confidenceLabel').textContent = (value / 100).toFixed(2);
}

// Initialize
document.addEventListener('DOMContentLoaded', () => {
  filterEvents();
});
`;
