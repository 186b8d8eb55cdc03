// The loading view's progress (issue #14, "the first second"): Trunk calls these hooks while it
// downloads and starts the playground's WebAssembly (`data-initializer` in index.html). The view
// itself is plain HTML in index.html, painted before any of this runs; the app removes it when
// it mounts (web/src/main.rs). Text is set with textContent only, never as HTML.
//
// The bar moves without claiming a share: the `total` Trunk passes is the module's size before
// wasm-opt (3.7 MB for a 2.6 MB file), and a server that compresses it sends fewer bytes than
// the stream counts, so the text says how much has arrived instead.
export default function bootInitializer() {
  const step = () => document.getElementById('boot-step');
  // Thousands separated by hand: the first toLocaleString call loads the locale data, about
  // 20 ms of main thread while the module downloads.
  const kib = (n) => `${String(Math.round(n / 1024)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} KiB`;
  return {
    onStart: () => {},
    onProgress: ({ current, total }) => {
      const text = step();
      if (text) {
        text.textContent = current < total
          ? `Loading the simulator… ${kib(current)} so far`
          : 'Starting the simulator…';
      }
    },
    onComplete: () => {},
    onSuccess: () => {},
    onFailure: (error) => {
      const text = step();
      const boot = document.getElementById('boot');
      boot?.classList.add('boot-failed');
      if (text) {
        text.textContent = `The playground could not start: ${String(error?.message ?? error)}. `
          + 'It needs a browser with WebAssembly; reloading the page may help.';
      }
    },
  };
}
