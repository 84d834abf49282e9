// One request to the participant route, the name written into the page; nothing else.
const query = new URLSearchParams(location.search);
const url = `/api/sessions/${query.get('session')}/participants/${query.get('participant')}?include_peer_events=true`;
const body = await (await fetch(url)).json();
const name = document.createElement('h1');
name.textContent = body.data.participant.display_name;
document.body.append(name);
