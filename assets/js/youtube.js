/* The youtube shortcode's facade: a link to the video on YouTube, which a
   click turns into the player from youtube-nocookie.com, so that no request
   leaves for a third party until the reader asks. Each facade on a page
   loads this file; the listener is added once. */
(() => {
  if (document.documentElement.dataset.youtubeFacade) return;
  document.documentElement.dataset.youtubeFacade = 'on';
  const validID = /^[A-Za-z0-9_-]{11}$/;
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest('a[data-youtube]');
    if (!link || !validID.test(link.dataset.youtube)) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = 'https://www.youtube-nocookie.com/embed/' + link.dataset.youtube + '?autoplay=1';
    frame.title = link.dataset.youtubeTitle || 'YouTube video';
    frame.className = 'video__player';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    link.replaceWith(frame);
    frame.focus();
  });
})();
