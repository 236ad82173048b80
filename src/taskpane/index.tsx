/** Task pane entry point (placeholder): mounts the React app inside Fluent UI once Office is ready. */
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, Title3, webLightTheme } from "@fluentui/react-components";

function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
      <Title3 as="h1">LIAT</Title3>
      <Text as="p" block>
        Local Inclusion Action Tool · Outil d'action locale pour l'inclusion
      </Text>
    </FluentProvider>
  );
}

Office.onReady(() => {
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<App />);
});
