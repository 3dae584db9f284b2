/** The diff page's stylesheet, as the reference writes it. */
export const DIFF_CSS = `* { margin: 0; padding: 0; box-sizing: border-box; }
body {
  font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', sans-serif;
  line-height: 1.6;
  color: #333;
  background: #f5f5f5;
  padding: 20px;
}
.container { max-width: 1200px; margin: 0 auto; }
header {
  background: white;
  padding: 30px;
  border-radius: 8px;
  margin-bottom: 20px;
  box-shadow: 0 2px 4px rgba(0,0,0,0.1);
}
h1 { color: #2c3e50; margin-bottom: 20px; }
.chains {
  display: grid;
  grid-template-columns: 1fr 1fr;
  gap: 20px;
  margin-top: 20px;
}
.chain-info {
  padding: 15px;
  background: #f8f9fa;
  border-radius: 6px;
}
.summary {
  background: white;
  padding: 25px;
  border-radius: 8px;
  margin-bottom: 20px;
  box-shadow: 0 2px 4px rgba(0,0,0,0.1);
}
.similarity {
  margin-top: 15px;
  display: flex;
  align-items: center;
  gap: 10px;
}
.similarity-bar {
  flex: 1;
  height: 20px;
  background: #ecf0f1;
  border-radius: 10px;
  overflow: hidden;
}
.similarity-fill {
  height: 100%;
  background: linear-gradient(90deg, #e74c3c, #f39c12, #27ae60);
  transition: width 0.3s;
}
.diff-section {
  background: white;
  padding: 25px;
  border-radius: 8px;
  margin-bottom: 20px;
  box-shadow: 0 2px 4px rgba(0,0,0,0.1);
}
.added { border-left: 4px solid #27ae60; background: #e8f5e9; }
.removed { border-left: 4px solid #e74c3c; background: #ffebee; }
.modified { border-left: 4px solid #f39c12; background: #fff3e0; }
.event {
  padding: 15px;
  margin-bottom: 10px;
  border-radius: 4px;
}
`;
