// Opens an answer's sources from its citation links ([n]): a click (or Enter) on a link inside the element asks
// .NET to open source n instead of jumping to it. Without this module the links still jump to the source's entry.
export function listen(element, dotnet) {
  const open = event => {
    const link = event.target.closest('a[data-citation]');
    if (!link || !element.contains(link)) {
      return;
    }

    event.preventDefault();
    dotnet.invokeMethodAsync('OpenCitationAsync', Number(link.dataset.citation));
  };
  element.addEventListener('click', open);
  return { stop: () => element.removeEventListener('click', open) };
}
